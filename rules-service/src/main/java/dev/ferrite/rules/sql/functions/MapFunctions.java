package dev.ferrite.rules.sql.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.eval.Access;
import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Json;
import dev.ferrite.rules.sql.value.Paths;
import dev.ferrite.rules.sql.value.Values;

/**
 * Maps: map_get and map_put take a dotted key path ('a.b.c'); mget and mput a single key. A
 * map given as JSON text is decoded first. Maps are never changed in place: puts return a copy.
 */
final class MapFunctions {

    private MapFunctions() {
    }

    static void register(FunctionTable table) {
        table.define("map_new", 0, (args, scope) -> new LinkedHashMap<String, Object>());
        table.define("map_get", 2, 3, (args, scope) -> orDefault(getPath(args[1], Args.string(args, 0)), args));
        table.define("map_put", 3, (args, scope) -> Paths.with(Access.structure(args[2]), path(Args.string(args, 0)), args[1]));
        table.define("mget", 2, 3, (args, scope) -> orDefault(Access.get(mapOf(args[1]), key(args[0])), args));
        table.define("mput", 3, (args, scope) -> Paths.with(mapOf(args[2]), List.of(key(args[0])), args[1]));
        table.define("map_keys", 1, (args, scope) -> new ArrayList<Object>(mapOf(args[0]).keySet()));
        table.define("map_values", 1, (args, scope) -> values(mapOf(args[0])));
        table.define("map_to_entries", 1, (args, scope) -> entries(mapOf(args[0])));
    }

    /** The value at a dotted path, or undefined. */
    static Object getPath(Object container, String dottedPath) {
        Object value = container;
        for (String key : path(dottedPath)) {
            value = Access.get(value, key);
            if (value == null) {
                return null;
            }
        }
        return value;
    }

    private static List<String> path(String dottedPath) {
        return Arrays.asList(dottedPath.split("\\.", -1));
    }

    private static Object orDefault(Object value, Object[] args) {
        return value == null && args.length == 3 ? args[2] : value;
    }

    private static String key(Object key) {
        if (key == null) {
            throw new EvaluationFailure("a map key cannot be undefined");
        }
        return Values.text(key);
    }

    private static Map<?, ?> mapOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof String text) {
            try {
                if (Json.decode(text) instanceof Map<?, ?> map) {
                    return map;
                }
            } catch (Json.NotJsonException notJson) {
                // reported below
            }
        }
        throw new EvaluationFailure("a map is needed, not " + Values.typeOf(value) + " " + Values.describe(value));
    }

    private static List<Object> values(Map<?, ?> map) {
        List<Object> values = new ArrayList<>(map.size());
        for (Object value : map.values()) {
            values.add(Values.normalize(value));
        }
        return values;
    }

    private static List<Object> entries(Map<?, ?> map) {
        List<Object> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("key", String.valueOf(entry.getKey()));
            pair.put("value", Values.normalize(entry.getValue()));
            entries.add(pair);
        }
        return entries;
    }
}
