package dev.ferrite.rules.sql.functions;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Type checks: is_null, is_not_null, is_str, is_bool, is_int, is_float, is_num, is_map, is_array. */
final class TypeCheckFunctions {

    private TypeCheckFunctions() {
    }

    static void register(FunctionTable table) {
        check(table, "is_null", value -> value == null);
        check(table, "is_null_var", value -> value == null);
        check(table, "is_not_null", value -> value != null);
        check(table, "is_not_null_var", value -> value != null);
        check(table, "is_str", value -> value instanceof String);
        check(table, "is_bool", value -> value instanceof Boolean);
        check(table, "is_int", value -> value instanceof Long);
        check(table, "is_float", value -> value instanceof Double);
        check(table, "is_num", value -> value instanceof Long || value instanceof Double);
        check(table, "is_map", value -> value instanceof Map);
        check(table, "is_array", value -> value instanceof List);
    }

    private static void check(FunctionTable table, String name, Predicate<Object> test) {
        table.define(name, 1, (args, scope) -> test.test(args[0]));
    }
}
