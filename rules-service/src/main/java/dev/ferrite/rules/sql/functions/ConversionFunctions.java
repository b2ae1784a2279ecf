package dev.ferrite.rules.sql.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Json;
import dev.ferrite.rules.sql.value.Numbers;
import dev.ferrite.rules.sql.value.Values;

/** Type conversion: str, str_utf8, bool, int, float, float2str, map. A value that cannot convert fails the rule. */
final class ConversionFunctions {

    private ConversionFunctions() {
    }

    static void register(FunctionTable table) {
        table.define("str", 1, (args, scope) -> Values.text(args[0]));
        table.define("str_utf8", 1, (args, scope) -> Values.text(args[0]));
        table.define("bool", 1, (args, scope) -> bool(args[0]));
        table.define("int", 1, (args, scope) -> integer(args[0]));
        table.define("float", 1, 2, (args, scope) -> args.length == 1 ? floating(args[0]) : rounded(args));
        table.define("float2str", 2, (args, scope) -> Values.decimal(Args.number(args, 0), decimals(args, 1)));
        table.define("map", 1, (args, scope) -> map(args[0]));
    }

    private static Object bool(Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if ("true".equals(value) || value instanceof Number number && number.doubleValue() == 1) {
            return true;
        }
        if ("false".equals(value) || value instanceof Number number && number.doubleValue() == 0) {
            return false;
        }
        throw new EvaluationFailure("cannot convert " + Values.describe(value) + " to a boolean");
    }

    /** int: floats round down, strings are read as numbers, true is 1 and false 0. */
    private static Object integer(Object value) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Double number) {
            return Numbers.toLongExact(Math.floor(number));
        }
        if (value instanceof Boolean flag) {
            return flag ? 1L : 0L;
        }
        if (value instanceof String text && Numbers.parseOrNull(text) instanceof Number number) {
            return integer(number);
        }
        throw new EvaluationFailure("cannot convert " + Values.describe(value) + " to an integer");
    }

    private static Object floating(Object value) {
        if (value instanceof Long || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String text && Numbers.parseOrNull(text) instanceof Number number) {
            return number.doubleValue();
        }
        throw new EvaluationFailure("cannot convert " + Values.describe(value) + " to a float");
    }

    /** float(x, decimals): x as a float rounded to that many decimals. */
    private static Object rounded(Object[] args) {
        double value = (Double) floating(args[0]);
        return new BigDecimal(Values.requireFinite(value)).setScale(decimals(args, 1), RoundingMode.HALF_EVEN).doubleValue();
    }

    private static int decimals(Object[] args, int index) {
        long decimals = Args.integer(args, index);
        if (decimals < 0 || decimals > 253) {
            throw new EvaluationFailure("decimals must be between 0 and 253, not " + decimals);
        }
        return (int) decimals;
    }

    /** map: a map as it is, a JSON object's text decoded, or an array of [key, value] pairs. */
    private static Object map(Object value) {
        if (value instanceof Map) {
            return value;
        }
        if (value instanceof String text) {
            Object decoded;
            try {
                decoded = Json.decode(text);
            } catch (Json.NotJsonException e) {
                throw new EvaluationFailure("cannot convert " + Values.describe(value) + " to a map: not JSON");
            }
            if (decoded instanceof Map) {
                return decoded;
            }
        }
        if (value instanceof List<?> pairs) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object pair : pairs) {
                if (!(pair instanceof List<?> entry) || entry.size() != 2) {
                    throw new EvaluationFailure("map() takes an array of [key, value] pairs");
                }
                map.put(Values.text(Values.normalize(entry.get(0))), Values.normalize(entry.get(1)));
            }
            return map;
        }
        throw new EvaluationFailure("cannot convert " + Values.describe(value) + " to a map");
    }
}
