package dev.ferrite.rules.sql.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Values;

/**
 * sprintf's format strings, which are Erlang's io_lib:format ones: {@code ~s} text, {@code ~p}
 * and {@code ~w} a value as Erlang prints it, {@code ~B} an integer (with {@code ~.16B} a base),
 * {@code ~f ~e ~g} floats ({@code ~.2f} two decimals), {@code ~c} a character, {@code ~n}
 * a newline, {@code ~~} a tilde; a width right-aligns ({@code ~-5s} left-aligns).
 */
final class ErlangFormat {

    private ErlangFormat() {
    }

    static String format(String format, List<?> arguments) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '~') {
                out.append(c);
                continue;
            }
            boolean left = i < format.length() && format.charAt(i) == '-';
            if (left) {
                i++;
            }
            int start = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            int width = i > start ? Integer.parseInt(format.substring(start, i)) : -1;
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                start = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(format.substring(start, i)) : -1;
            }
            while (i < format.length() && (format.charAt(i) == 't' || format.charAt(i) == 'l')) {
                i++;
            }
            if (i >= format.length()) {
                throw new EvaluationFailure("the format ends inside a ~ directive");
            }
            char control = format.charAt(i++);
            String piece;
            switch (control) {
                case '~' -> piece = "~";
                case 'n' -> piece = "\n";
                default -> {
                    if (next >= arguments.size()) {
                        throw new EvaluationFailure("the format wants more arguments than the " + arguments.size() + " given");
                    }
                    piece = directive(control, precision, Values.normalize(arguments.get(next++)));
                }
            }
            out.append(aligned(piece, width, left));
        }
        if (next != arguments.size()) {
            throw new EvaluationFailure("the format uses " + next + " of the " + arguments.size() + " arguments given");
        }
        return out.toString();
    }

    private static String directive(char control, int precision, Object value) {
        return switch (control) {
            case 's' -> Values.text(value);
            case 'p', 'w' -> term(value);
            case 'i' -> "";
            case 'c' -> new String(Character.toChars((int) integer(value)));
            case 'B', 'b' -> integerIn(value, precision, control == 'b');
            case 'f' -> fixed(value, precision < 0 ? 6 : precision);
            case 'e' -> String.format(Locale.ROOT, "%." + (precision < 0 ? 5 : Math.max(precision - 1, 0)) + "e", floatOf(value));
            case 'g' -> Double.toString(floatOf(value));
            default -> throw new EvaluationFailure("unknown format directive ~" + control);
        };
    }

    private static String integerIn(Object value, int base, boolean lowerCase) {
        String digits = Long.toString(integer(value), base < 2 || base > 36 ? 10 : base);
        return lowerCase ? digits : digits.toUpperCase(Locale.ROOT);
    }

    private static String fixed(Object value, int decimals) {
        return new BigDecimal(floatOf(value)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static long integer(Object value) {
        if (value instanceof Long number) {
            return number;
        }
        throw new EvaluationFailure("an integer is needed for this directive, not " + Values.describe(value));
    }

    private static double floatOf(Object value) {
        if (value instanceof Double number) {
            return Values.requireFinite(number);
        }
        throw new EvaluationFailure("a float is needed for this directive, not " + Values.describe(value));
    }

    private static String aligned(String piece, int width, boolean left) {
        if (width < 0 || piece.length() >= width) {
            return piece;
        }
        String padding = " ".repeat(width - piece.length());
        return left ? piece + padding : padding + piece;
    }

    /** A value as Erlang's ~p prints it: strings as binaries, maps as #{...}. */
    static String term(Object value) {
        if (value == null) {
            return "undefined";
        }
        if (value instanceof String text) {
            return "<<\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\">>";
        }
        if (value instanceof Double number) {
            return Double.toString(number).replace('E', 'e');
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object element : list) {
                out.append(out.length() > 1 ? "," : "").append(term(Values.normalize(element)));
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("#{");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(out.length() > 2 ? "," : "")
                        .append(term(String.valueOf(entry.getKey()))).append(" => ")
                        .append(term(Values.normalize(entry.getValue())));
            }
            return out.append('}').toString();
        }
        return value.toString();
    }
}
