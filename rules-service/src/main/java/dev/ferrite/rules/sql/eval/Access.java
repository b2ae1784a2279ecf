package dev.ferrite.rules.sql.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Json;
import dev.ferrite.rules.sql.value.Values;

/**
 * Reading inside maps and arrays: {@code a.b}, {@code a[1]} (1-based, negative from the end)
 * and {@code a[1..3]}. A string on the way is read as JSON; what is not there is undefined.
 */
public final class Access {

    private Access() {
    }

    /** {@code target.key} */
    public record Field(Evaluator target, String key) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return get(target.evaluate(scope), key);
        }
    }

    /** {@code target[index]}; an integer index reads an array, a string index a map. */
    public record Index(Evaluator target, Evaluator index) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            Object container = target.evaluate(scope);
            Object position = index.evaluate(scope);
            if (position instanceof String key) {
                return get(container, key);
            }
            return position instanceof Long number ? nth(container, number) : null;
        }
    }

    /** {@code target[from..to]}: the elements between two positions, both included. */
    public record Range(Evaluator target, Evaluator from, Evaluator to) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            if (!(structure(target.evaluate(scope)) instanceof List<?> list)) {
                throw new EvaluationFailure("a range [from..to] needs an array");
            }
            int size = list.size();
            int start = position(from.evaluate(scope), size);
            int end = Math.min(position(to.evaluate(scope), size), size);
            List<Object> slice = new ArrayList<>();
            for (int i = Math.max(start, 1); i <= end; i++) {
                slice.add(Values.normalize(list.get(i - 1)));
            }
            return slice;
        }

        private static int position(Object bound, int size) {
            if (!(bound instanceof Long number) || number == 0) {
                throw new EvaluationFailure("a range bound must be a non-zero integer, not " + Values.describe(bound));
            }
            long position = number > 0 ? number : size + number + 1;
            return (int) Math.max(Math.min(position, Integer.MAX_VALUE), Integer.MIN_VALUE);
        }
    }

    public static Object get(Object container, String key) {
        return structure(container) instanceof Map<?, ?> map ? Values.normalize(map.get(key)) : null;
    }

    public static Object nth(Object container, long position) {
        if (!(structure(container) instanceof List<?> list) || position == 0) {
            return null;
        }
        long index = position > 0 ? position - 1 : list.size() + position;
        return index >= 0 && index < list.size() ? Values.normalize(list.get((int) index)) : null;
    }

    /** Maps and arrays as they are; a string that holds JSON as the value it holds. */
    public static Object structure(Object value) {
        if (value instanceof String text) {
            try {
                return Json.decode(text);
            } catch (Json.NotJsonException notJson) {
                return null;
            }
        }
        return value;
    }
}
