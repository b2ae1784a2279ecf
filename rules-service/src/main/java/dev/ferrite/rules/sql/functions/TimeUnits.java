package dev.ferrite.rules.sql.functions;

import java.time.Instant;

import dev.ferrite.rules.sql.value.EvaluationFailure;

/** The time units that date functions take: 'second', 'millisecond', 'microsecond', 'nanosecond'. */
enum TimeUnits {
    SECOND(1_000_000_000L, 0), MILLISECOND(1_000_000L, 3), MICROSECOND(1_000L, 6), NANOSECOND(1L, 9);

    private final long nanos;
    private final int fractionDigits;

    TimeUnits(long nanos, int fractionDigits) {
        this.nanos = nanos;
        this.fractionDigits = fractionDigits;
    }

    static TimeUnits of(Object[] args, int index) {
        String name = Args.string(args, index);
        for (TimeUnits unit : values()) {
            if (unit.name().equalsIgnoreCase(name) || (unit.name() + "S").equalsIgnoreCase(name)) {
                return unit;
            }
        }
        throw new EvaluationFailure("unknown time unit " + name + "; use second, millisecond, microsecond or nanosecond");
    }

    int fractionDigits() {
        return fractionDigits;
    }

    Instant toInstant(long epoch) {
        long perSecond = 1_000_000_000L / nanos;
        return Instant.ofEpochSecond(Math.floorDiv(epoch, perSecond), Math.floorMod(epoch, perSecond) * nanos);
    }

    long fromInstant(Instant instant) {
        long perSecond = 1_000_000_000L / nanos;
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), perSecond), instant.getNano() / nanos);
        } catch (ArithmeticException e) {
            throw new EvaluationFailure("the time " + instant + " is out of range in " + name().toLowerCase() + "s");
        }
    }
}
