package dev.ferrite.bench.mqtt;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients record while the load runs, from any event loop: messages published, first
 * arrivals and their end-to-end latency. Only what happens between {@link #start()} and
 * {@link #stop()} counts (the warm-up and the drain after it do not).
 */
final class Measurement {

    private final Recorder latencyNanos = new Recorder(3);
    private final LongAdder published = new LongAdder();
    private final LongAdder received = new LongAdder();
    private long startNanos;
    private long publishedAtStart;
    private long receivedAtStart;

    void published() {
        published.increment();
    }

    void received(long latencyNanos) {
        received.increment();
        this.latencyNanos.recordValue(Math.max(0, latencyNanos));
    }

    long receivedSoFar() {
        return received.sum();
    }

    void start() {
        latencyNanos.reset();
        publishedAtStart = published.sum();
        receivedAtStart = received.sum();
        startNanos = System.nanoTime();
    }

    Window stop() {
        Histogram latencies = latencyNanos.getIntervalHistogram();
        long elapsed = System.nanoTime() - startNanos;
        return new Window(elapsed, published.sum() - publishedAtStart, received.sum() - receivedAtStart, latencies);
    }

    /** The measured interval: counts and the latencies (nanoseconds) of the messages received in it. */
    record Window(long elapsedNanos, long published, long received, Histogram latencies) {

        double publishedPerSecond() {
            return published * 1e9 / elapsedNanos;
        }

        double receivedPerSecond() {
            return received * 1e9 / elapsedNanos;
        }

        /** @return the latency at {@code percentile} (0 to 100) in microseconds */
        double latencyMicros(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1000.0;
        }
    }
}
