package dev.ferrite.rules.metrics;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * EMQX's three rates of a counter, from samples taken about once a second: the current rate
 * (over the last sample interval), the highest current rate seen, and the average over the
 * last five minutes (or since the first sample, when younger).
 */
final class MatchedRate {

    private static final long FIVE_MINUTES = TimeUnit.MINUTES.toNanos(5);

    private record Sample(long count, long nanos) {
    }

    private final ArrayDeque<Sample> window = new ArrayDeque<>();
    private double current;
    private double max;
    private double last5m;

    synchronized void sample(long count, long nanos) {
        Sample previous = window.peekLast();
        window.addLast(new Sample(count, nanos));
        if (previous == null) {
            return;
        }
        current = perSecond(count - previous.count(), nanos - previous.nanos());
        max = Math.max(max, current);
        while (window.size() > 2 && nanos - window.peekFirst().nanos() > FIVE_MINUTES) {
            window.removeFirst();
        }
        Sample oldest = window.peekFirst();
        last5m = perSecond(count - oldest.count(), nanos - oldest.nanos());
    }

    /** Forgets everything; the next two samples start the rates again. */
    synchronized void reset() {
        window.clear();
        current = 0;
        max = 0;
        last5m = 0;
    }

    synchronized double current() {
        return current;
    }

    synchronized double max() {
        return max;
    }

    synchronized double last5m() {
        return last5m;
    }

    private static double perSecond(long delta, long nanos) {
        return nanos <= 0 ? 0 : Math.max(0, delta) * 1e9 / nanos;
    }
}
