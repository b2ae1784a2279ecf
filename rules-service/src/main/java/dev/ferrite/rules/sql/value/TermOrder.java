package dev.ferrite.rules.sql.value;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Equality and order between any two rule values, after Erlang's term order (EMQX compares
 * with it): numbers (by value, so 1 equals 1.0) &lt; booleans &lt; maps &lt; arrays &lt; strings.
 * Never throws; undefined is for the caller to handle.
 */
public final class TermOrder {

    private TermOrder() {
    }

    public static boolean equal(Object left, Object right) {
        return compare(left, right) == 0;
    }

    public static int compare(Object left, Object right) {
        int rankLeft = rank(left);
        int rankRight = rank(right);
        if (rankLeft != rankRight) {
            return Integer.compare(rankLeft, rankRight);
        }
        return switch (rankLeft) {
            case 0 -> 0;
            case 1 -> compareNumbers(left, right);
            case 2 -> Boolean.compare((Boolean) left, (Boolean) right);
            case 3 -> compareMaps((Map<?, ?>) left, (Map<?, ?>) right);
            case 4 -> compareLists((List<?>) left, (List<?>) right);
            default -> compareStrings((String) left, (String) right);
        };
    }

    private static int rank(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Long || value instanceof Double) {
            return 1;
        }
        if (value instanceof Boolean) {
            return 2;
        }
        if (value instanceof Map) {
            return 3;
        }
        if (value instanceof List) {
            return 4;
        }
        return 5;
    }

    private static int compareNumbers(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return Long.compare(a, b);
        }
        double a = ((Number) left).doubleValue();
        double b = ((Number) right).doubleValue();
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** Code point order, which is the byte order of the UTF-8 text that Erlang compares. */
    private static int compareStrings(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    private static int compareLists(List<?> left, List<?> right) {
        Iterator<?> a = left.iterator();
        Iterator<?> b = right.iterator();
        while (a.hasNext() && b.hasNext()) {
            int order = compare(Values.normalize(a.next()), Values.normalize(b.next()));
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    /** Maps: smaller first, then by their sorted keys, then by the values under those keys. */
    private static int compareMaps(Map<?, ?> left, Map<?, ?> right) {
        if (left.size() != right.size()) {
            return Integer.compare(left.size(), right.size());
        }
        List<String> leftKeys = sortedKeys(left);
        List<String> rightKeys = sortedKeys(right);
        int order = compareLists(leftKeys, rightKeys);
        if (order != 0) {
            return order;
        }
        for (String key : leftKeys) {
            order = compare(Values.normalize(left.get(key)), Values.normalize(right.get(key)));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            keys.add(String.valueOf(key));
        }
        keys.sort(TermOrder::compareStrings);
        return keys;
    }
}
