package dev.ferrite.gateway.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of one event by reason ({@code queue_full}, {@code no_subscribers}, {@code 0x87}, ...),
 * each a Prometheus series with the reason as a tag. A known reason costs one map lookup and
 * no allocation; a new one is registered the first time it is seen.
 */
final class ReasonCounters {

    private final ConcurrentMap<String, LongAdder> byReason = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final String meterName;
    private final String tag;
    private final String description;

    /** @param known reasons shown (at zero) before they first happen */
    ReasonCounters(MeterRegistry registry, String meterName, String tag, String description, String... known) {
        this.registry = registry;
        this.meterName = meterName;
        this.tag = tag;
        this.description = description;
        for (String reason : known) {
            counter(reason);
        }
    }

    void increment(String reason) {
        LongAdder counter = byReason.get(reason);
        (counter != null ? counter : counter(reason)).increment();
    }

    long get(String reason) {
        LongAdder counter = byReason.get(reason);
        return counter == null ? 0 : counter.sum();
    }

    long total() {
        long total = 0;
        for (LongAdder counter : byReason.values()) {
            total += counter.sum();
        }
        return total;
    }

    /** Every reason seen (or known), sorted. */
    Map<String, Long> all() {
        Map<String, Long> all = new TreeMap<>();
        byReason.forEach((reason, counter) -> all.put(reason, counter.sum()));
        return all;
    }

    private LongAdder counter(String reason) {
        return byReason.computeIfAbsent(reason, key -> {
            LongAdder counter = new LongAdder();
            FunctionCounter.builder(meterName, counter, LongAdder::sum)
                    .tag(tag, key)
                    .description(description)
                    .register(registry);
            return counter;
        });
    }
}
