package dev.ferrite.cert.crl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, moved ahead or stopped as a test asks; it never runs backwards. */
final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    synchronized void moveTo(Instant instant) {
        if (instant.isBefore(instant())) {
            throw new IllegalArgumentException("The test clock does not run backwards to " + instant);
        }
        if (frozenAt != null) {
            frozenAt = instant;
        } else {
            offset = Duration.between(Instant.now(), instant);
        }
    }

    void moveAhead(Duration duration) {
        moveTo(instant().plus(duration));
    }

    /** Stops the clock at {@code instant}, which must not be in its past. */
    synchronized void freezeAt(Instant instant) {
        moveTo(instant);
        frozenAt = instant();
    }

    /** Lets the clock run on from where it stood. */
    synchronized void thaw() {
        if (frozenAt != null) {
            offset = Duration.between(Instant.now(), frozenAt);
            frozenAt = null;
        }
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is always UTC");
    }
}
