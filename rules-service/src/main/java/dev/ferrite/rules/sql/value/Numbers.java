package dev.ferrite.rules.sql.value;

import java.util.regex.Pattern;

import dev.ferrite.rules.sql.RuleEvaluationException;

/** Numbers read from text the way EMQX reads them: an integer, else a decimal; nothing looser. */
public final class Numbers {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.\\d+([eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)");

    private Numbers() {
    }

    /** @return a Long or a Double, or null when the text is not a number */
    public static Object parseOrNull(String text) {
        String trimmed = text.strip();
        if (INTEGER.matcher(trimmed).matches()) {
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException tooLarge) {
                return Double.parseDouble(trimmed);
            }
        }
        if (DECIMAL.matcher(trimmed).matches()) {
            return Double.parseDouble(trimmed);
        }
        return null;
    }

    /** @throws RuleEvaluationException when the text is not a number */
    public static Object parse(String text) {
        Object number = parseOrNull(text);
        if (number == null) {
            throw new EvaluationFailure("not a number: " + Values.describe(text));
        }
        return number;
    }

    public static long toLongExact(double value) {
        if (value >= 0x1p63 || value < -0x1p63 || Double.isNaN(value)) {
            throw new EvaluationFailure("the number " + value + " is out of the integer range");
        }
        return (long) value;
    }
}
