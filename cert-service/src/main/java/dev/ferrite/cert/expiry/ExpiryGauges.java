package dev.ferrite.cert.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * {@code ferrite.cert.expiry.seconds}: seconds until each bundle's certificate and each CA's
 * issuing certificate expires, tagged {@code bundle} or {@code ca}.
 */
@Component
class ExpiryGauges {

    static final String NAME = "ferrite.cert.expiry.seconds";

    private final MultiGauge gauge;
    private final Clock clock;
    /** Held here because gauges keep only weak references to what they read. */
    private List<Supplier<Number>> readings = List.of();

    ExpiryGauges(MeterRegistry registry, Clock clock) {
        this.gauge = MultiGauge.builder(NAME)
                .description("Seconds until the certificate of a bundle or the issuing certificate of a CA expires")
                .register(registry);
        this.clock = clock;
    }

    /** Shows exactly these certificates from now on; the ones of deleted bundles disappear. */
    synchronized void show(Map<String, Instant> bundles, Map<String, Instant> cas) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        List<Supplier<Number>> kept = new ArrayList<>();
        // Prometheus wants one set of label names per metric, so each row carries both and leaves one empty.
        bundles.forEach((name, notAfter) -> rows.add(row(Tags.of("bundle", name, "ca", ""), notAfter, kept)));
        cas.forEach((name, notAfter) -> rows.add(row(Tags.of("bundle", "", "ca", name), notAfter, kept)));
        readings = kept;
        gauge.register(rows, true);
    }

    private MultiGauge.Row<?> row(Tags tags, Instant notAfter, List<Supplier<Number>> kept) {
        Supplier<Number> secondsLeft = () -> Duration.between(clock.instant(), notAfter).toSeconds();
        kept.add(secondsLeft);
        return MultiGauge.Row.of(tags, secondsLeft);
    }
}
