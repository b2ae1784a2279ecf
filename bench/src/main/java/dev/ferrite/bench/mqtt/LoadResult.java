package dev.ferrite.bench.mqtt;

import java.io.PrintStream;

/** The outcome of a {@link LoadRun}: throughput and latency in the measured interval, and every message accounted for. */
record LoadResult(LoadOptions options, Measurement.Window window, Losses losses, int droppedConnections,
        String transport, String loadAverageAtStart, String loadAverageAtEnd) {

    Figures figures() {
        return new Figures()
                .put("mode", "load")
                .put("broker", options.label())
                .put("date", Machine.now())
                .put("cores", Machine.cores())
                .put("load_average_start", loadAverageAtStart)
                .put("load_average_end", loadAverageAtEnd)
                .put("workload", options.workload().label())
                .put("publishers", options.publishers())
                .put("subscribers", options.subscribers())
                .put("qos", options.qos().value())
                .put("payload_bytes", options.payloadBytes())
                .put("mqtt", options.client().versionLabel())
                .put("offered_load", options.load().describe(options.publishers()))
                .put("source_addresses", options.client().sourceAddresses())
                .put("generator", options.client().threads() + " " + transport + " threads")
                .put("warmup_s", options.warmup().toMillis() / 1000.0)
                .put("measured_s", window.elapsedNanos() / 1e9)
                .put("published_per_s", window.publishedPerSecond())
                .put("received_per_s", window.receivedPerSecond())
                .put("latency_p50_us", window.latencyMicros(50))
                .put("latency_p99_us", window.latencyMicros(99))
                .put("latency_p999_us", window.latencyMicros(99.9))
                .put("latency_max_us", window.latencies().getMaxValue() / 1000.0)
                .put("sent", losses.sent())
                .put("expected_deliveries", losses.expected())
                .put("received", losses.received())
                .put("lost", losses.lost())
                .put("duplicated", losses.duplicated())
                .put("out_of_order", losses.outOfOrder())
                .put("strays", losses.strays())
                .put("unacknowledged", losses.unacknowledged())
                .put("unknown_acks", losses.unknownAcks())
                .put("dropped_connections", droppedConnections);
    }

    /** Whether the broker broke a promise of the QoS used, or a connection dropped: the run's figures cannot be trusted. */
    boolean failed() {
        return losses.brokenPromise(options.qos().value()) || droppedConnections > 0;
    }

    void printVerdict(PrintStream out) {
        if (failed()) {
            out.printf("%n!!! %s: %,d of %,d deliveries LOST, %,d unacknowledged, %,d duplicated, %,d connections dropped"
                    + " at QoS %d !!!%n", options.label(), losses.lost(), losses.expected(), losses.unacknowledged(),
                    losses.duplicated(), droppedConnections, options.qos().value());
        } else if (losses.lost() > 0) {
            out.printf("%n%s: %,d of %,d QoS 0 deliveries lost (QoS 0 allows it)%n", options.label(), losses.lost(),
                    losses.expected());
        }
    }
}
