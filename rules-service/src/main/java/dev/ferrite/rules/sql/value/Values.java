package dev.ferrite.rules.sql.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;


/**
 * The rule value model. A value is a String, Long, Double, Boolean, Map, List, or null; null
 * stands for EMQX's {@code undefined} (a missing field and a JSON {@code null} alike).
 */
public final class Values {

    private Values() {
    }

    /** Brings a value from the outside (a context map, a caller's list) into the rule value model. */
    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof Map || value instanceof List) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof BigInteger number) {
            return number.bitLength() < 64 ? (Object) number.longValue() : (Object) number.doubleValue();
        }
        if (value instanceof BigDecimal number) {
            return number.doubleValue();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value.toString();
    }

    public static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    /** Only {@code true} is true: conditions that yield anything else reject the input. */
    public static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** The value as text, as EMQX's {@code str}: numbers in decimal, booleans as words, maps and lists as JSON. */
    public static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value == null) {
            return "undefined";
        }
        if (value instanceof Double number) {
            return decimal(number, 10);
        }
        if (value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        return Json.encode(value);
    }

    /** A float with at most {@code decimals} digits after the point, trailing zeros dropped (Erlang's compact). */
    public static String decimal(double number, int decimals) {
        requireFinite(number);
        String digits = new BigDecimal(number).setScale(decimals, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
        return digits.indexOf('.') < 0 ? digits + ".0" : digits;
    }

    public static double requireFinite(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new EvaluationFailure("the result is not a finite number");
        }
        return number;
    }

    /** The type's name for error messages. */
    public static String typeOf(Object value) {
        if (value == null) {
            return "undefined";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "integer";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Map) {
            return "map";
        }
        if (value instanceof List) {
            return "array";
        }
        return value.getClass().getSimpleName();
    }

    /** A short rendering of a value for an error message. */
    public static String describe(Object value) {
        String shown = value instanceof String text ? "'" + text + "'" : String.valueOf(value == null ? "undefined" : value);
        return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
    }
}
