package dev.ferrite.rules.sql.functions;

import java.util.HashMap;
import java.util.Map;

/** Where each group of built-in functions declares its functions. */
final class FunctionTable {

    private final Map<String, FunctionSpec> functions = new HashMap<>();

    void define(String name, int arity, SqlFunction body) {
        define(name, arity, arity, body);
    }

    void define(String name, int minArity, int maxArity, SqlFunction body) {
        add(new FunctionSpec(name, minArity, maxArity, true, body));
    }

    /** A function whose result depends on more than its arguments: the message, the clock, chance. */
    void defineImpure(String name, int minArity, int maxArity, SqlFunction body) {
        add(new FunctionSpec(name, minArity, maxArity, false, body));
    }

    private void add(FunctionSpec spec) {
        if (functions.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("function defined twice: " + spec.name());
        }
    }

    Map<String, FunctionSpec> functions() {
        return Map.copyOf(functions);
    }
}
