package dev.ferrite.rules.sql.functions;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Every built-in function, by EMQX's name; names are case-insensitive. */
public final class BuiltInFunctions {

    private static final Map<String, FunctionSpec> FUNCTIONS = load();

    private BuiltInFunctions() {
    }

    public static Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name.toLowerCase(Locale.ROOT)));
    }

    public static Set<String> names() {
        return new TreeSet<>(FUNCTIONS.keySet());
    }

    private static Map<String, FunctionSpec> load() {
        FunctionTable table = new FunctionTable();
        ContextFunctions.register(table);
        MathFunctions.register(table);
        RandomFunctions.register(table);
        StringFunctions.register(table);
        ConversionFunctions.register(table);
        TypeCheckFunctions.register(table);
        MapFunctions.register(table);
        ArrayFunctions.register(table);
        HashFunctions.register(table);
        EncodingFunctions.register(table);
        DateFunctions.register(table);
        return table.functions();
    }
}
