package dev.ferrite.rules.sql.functions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Values;

/**
 * Time: now_timestamp, now_rfc3339, unix_ts_to_rfc3339, rfc3339_to_unix_ts, format_date,
 * date_to_unix_ts. RFC 3339 text is written in UTC; the unit (default 'second') sets the
 * timestamp's precision and the fraction digits written.
 */
final class DateFunctions {

    private DateFunctions() {
    }

    static void register(FunctionTable table) {
        table.defineImpure("now_timestamp", 0, 1, (args, scope) -> unit(args, 0).fromInstant(Instant.now()));
        table.defineImpure("now_rfc3339", 0, 1, (args, scope) -> rfc3339(Instant.now(), unit(args, 0)));
        table.define("unix_ts_to_rfc3339", 1, 2, (args, scope) ->
                rfc3339(unit(args, 1).toInstant(Args.integer(args, 0)), unit(args, 1)));
        table.define("rfc3339_to_unix_ts", 1, 2, (args, scope) -> unit(args, 1).fromInstant(parseRfc3339(Args.string(args, 0))));
        table.defineImpure("format_date", 3, 4, (args, scope) -> formatDate(args));
        table.define("date_to_unix_ts", 3, 4, (args, scope) -> dateToUnixTs(args));
        table.define("timezone_to_second", 1, (args, scope) -> (long) DatePattern.offset(args[0], Instant.EPOCH).getTotalSeconds());
        table.define("timezone_to_offset_seconds", 1, (args, scope) ->
                (long) DatePattern.offset(args[0], Instant.EPOCH).getTotalSeconds());
    }

    private static TimeUnits unit(Object[] args, int index) {
        return args.length > index ? TimeUnits.of(args, index) : TimeUnits.SECOND;
    }

    static String rfc3339(Instant instant, TimeUnits unit) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (unit.fractionDigits() > 0) {
            builder.appendFraction(ChronoField.NANO_OF_SECOND, unit.fractionDigits(), unit.fractionDigits(), true);
        }
        DateTimeFormatter formatter = builder.appendOffset("+HH:MM", "+00:00").toFormatter();
        return formatter.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant parseRfc3339(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new EvaluationFailure("not an RFC 3339 time: " + Values.describe(text));
        }
    }

    /** format_date(unit, offset, format [, timestamp]): the timestamp (default now) as text in that offset. */
    private static String formatDate(Object[] args) {
        TimeUnits unit = TimeUnits.of(args, 0);
        Instant instant = args.length == 4 ? unit.toInstant(Args.integer(args, 3)) : Instant.now();
        ZoneOffset offset = DatePattern.offset(args[1], instant);
        return DatePattern.format(Args.string(args, 2), instant.atOffset(offset));
    }

    /**
     * date_to_unix_ts(unit, [offset,] format, text): the time that the text names, read with the
     * format; without an offset, the offset in the text, else UTC.
     */
    private static long dateToUnixTs(Object[] args) {
        TimeUnits unit = TimeUnits.of(args, 0);
        String format = Args.string(args, args.length - 2);
        String text = Args.string(args, args.length - 1);
        Instant instant = DatePattern.parse(format, text);
        if (args.length == 4) {
            instant = instant.minusSeconds(DatePattern.offset(args[1], instant).getTotalSeconds());
        }
        return unit.fromInstant(instant);
    }
}
