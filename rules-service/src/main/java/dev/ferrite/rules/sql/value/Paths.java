package dev.ferrite.rules.sql.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Putting a value at a key path ({@code a.b.c}) without touching maps that belong to someone
 * else: nested maps on the way are copied before they change. An undefined value changes
 * nothing, as in EMQX.
 */
public final class Paths {

    private Paths() {
    }

    /** Puts into {@code target} itself (which the caller owns), copying nested maps as it descends. */
    public static void putInto(Map<String, Object> target, List<String> keys, Object value) {
        if (value == null) {
            return;
        }
        String first = keys.get(0);
        if (keys.size() == 1) {
            target.put(first, value);
            return;
        }
        target.put(first, with(target.get(first), keys.subList(1, keys.size()), value));
    }

    /** A copy of {@code base} (a new map when it is not one) with the value at the path. */
    public static Map<String, Object> with(Object base, List<String> keys, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (base instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), entry.getValue());
            }
        }
        putInto(copy, keys, value);
        return copy;
    }
}
