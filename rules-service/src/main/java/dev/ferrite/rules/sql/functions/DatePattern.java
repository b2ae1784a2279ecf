package dev.ferrite.rules.sql.functions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferrite.rules.sql.RuleEvaluationException;
import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Values;

/**
 * EMQX's date format strings: %Y year, %m month, %d day, %H hour, %M minute, %S second,
 * %N nanoseconds, %3N milliseconds, %6N microseconds, %z +HHMM, %:z +HH:MM, %::z +HH:MM:SS;
 * everything else stands for itself. Offsets are given as 'Z', 'local', '+08:00', '+0800' or seconds.
 */
final class DatePattern {

    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})(?::?(\\d{2}))?");

    private DatePattern() {
    }

    static String format(String pattern, OffsetDateTime time) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            String directive = c == '%' ? directiveAt(pattern, i) : null;
            if (directive == null) {
                out.append(c);
                i++;
                continue;
            }
            out.append(switch (directive) {
                case "%Y" -> String.format(Locale.ROOT, "%04d", time.getYear());
                case "%m" -> twoDigits(time.getMonthValue());
                case "%d" -> twoDigits(time.getDayOfMonth());
                case "%H" -> twoDigits(time.getHour());
                case "%M" -> twoDigits(time.getMinute());
                case "%S" -> twoDigits(time.getSecond());
                case "%N" -> String.format(Locale.ROOT, "%09d", time.getNano());
                case "%3N" -> String.format(Locale.ROOT, "%03d", time.getNano() / 1_000_000);
                case "%6N" -> String.format(Locale.ROOT, "%06d", time.getNano() / 1_000);
                case "%%" -> "%";
                default -> offsetText(directive, time.getOffset().getTotalSeconds());
            });
            i += directive.length();
        }
        return out.toString();
    }

    /** The instant the text names; UTC unless the text carries an offset. */
    static Instant parse(String pattern, String text) {
        int[] fields = {1970, 1, 1, 0, 0, 0, 0};
        int offsetSeconds = 0;
        int at = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            String directive = c == '%' ? directiveAt(pattern, i) : null;
            if (directive == null || directive.equals("%%")) {
                if (at >= text.length() || text.charAt(at) != c) {
                    throw mismatch(pattern, text);
                }
                at++;
                i += directive == null ? 1 : 2;
                continue;
            }
            int width = switch (directive) {
                case "%Y" -> 4;
                case "%N" -> 9;
                case "%3N" -> 3;
                case "%6N" -> 6;
                default -> 2;
            };
            if (directive.endsWith("z")) {
                Matcher offset = OFFSET.matcher(text).region(at, text.length());
                if (!offset.lookingAt()) {
                    throw mismatch(pattern, text);
                }
                offsetSeconds = seconds(offset);
                at = offset.end();
            } else {
                int value = digits(text, at, width, pattern);
                at += width;
                switch (directive) {
                    case "%Y" -> fields[0] = value;
                    case "%m" -> fields[1] = value;
                    case "%d" -> fields[2] = value;
                    case "%H" -> fields[3] = value;
                    case "%M" -> fields[4] = value;
                    case "%S" -> fields[5] = value;
                    case "%N" -> fields[6] = value;
                    case "%3N" -> fields[6] = value * 1_000_000;
                    default -> fields[6] = value * 1_000;
                }
            }
            i += directive.length();
        }
        if (at != text.length()) {
            throw mismatch(pattern, text);
        }
        try {
            return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6])
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            throw new EvaluationFailure("not a valid date: " + Values.describe(text) + " (" + e.getMessage() + ")");
        }
    }

    /** An offset argument: 'Z', 'local' (this server's zone at that instant), '+08:00', '+0800', or seconds. */
    static ZoneOffset offset(Object spec, Instant at) {
        try {
            if (spec instanceof Long seconds) {
                return ZoneOffset.ofTotalSeconds(Math.toIntExact(seconds));
            }
            if (spec instanceof String text) {
                if (text.equalsIgnoreCase("z")) {
                    return ZoneOffset.UTC;
                }
                if (text.equals("local")) {
                    return ZoneId.systemDefault().getRules().getOffset(at);
                }
                Matcher offset = OFFSET.matcher(text);
                if (offset.matches()) {
                    return ZoneOffset.ofTotalSeconds(seconds(offset));
                }
            }
        } catch (DateTimeException | ArithmeticException e) {
            // reported below
        }
        throw new EvaluationFailure("not a time offset: " + Values.describe(spec));
    }

    private static String directiveAt(String pattern, int i) {
        for (String directive : new String[] {"%::z", "%:z", "%3N", "%6N", "%Y", "%m", "%d", "%H", "%M", "%S", "%N", "%z", "%%"}) {
            if (pattern.startsWith(directive, i)) {
                return directive;
            }
        }
        return null;
    }

    private static int seconds(Matcher offset) {
        int seconds = Integer.parseInt(offset.group(2)) * 3600 + Integer.parseInt(offset.group(3)) * 60
                + (offset.group(4) == null ? 0 : Integer.parseInt(offset.group(4)));
        return offset.group(1).equals("-") ? -seconds : seconds;
    }

    private static String offsetText(String directive, int totalSeconds) {
        int magnitude = Math.abs(totalSeconds);
        String sign = totalSeconds < 0 ? "-" : "+";
        String hours = twoDigits(magnitude / 3600);
        String minutes = twoDigits(magnitude / 60 % 60);
        return switch (directive) {
            case "%z" -> sign + hours + minutes;
            case "%:z" -> sign + hours + ":" + minutes;
            default -> sign + hours + ":" + minutes + ":" + twoDigits(magnitude % 60);
        };
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static int digits(String text, int at, int width, String pattern) {
        if (at + width > text.length()) {
            throw mismatch(pattern, text);
        }
        int value = 0;
        for (int i = at; i < at + width; i++) {
            int digit = Character.digit(text.charAt(i), 10);
            if (digit < 0) {
                throw mismatch(pattern, text);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static RuleEvaluationException mismatch(String pattern, String text) {
        return new EvaluationFailure("the date " + Values.describe(text) + " does not fit the format " + pattern);
    }
}
