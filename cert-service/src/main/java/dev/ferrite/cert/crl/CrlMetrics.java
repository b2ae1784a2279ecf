package dev.ferrite.cert.crl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** {@code ferrite.cert.crl.signed} and {@code ferrite.cert.crl.time.to.next.update}, per CA. */
@Component
class CrlMetrics {

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Instant> nextUpdates = new ConcurrentHashMap<>();

    CrlMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void signed(SignedCrl crl) {
        Counter.builder("ferrite.cert.crl.signed")
                .description("CRLs signed")
                .tag("ca", crl.ca())
                .register(meters)
                .increment();
        if (nextUpdates.put(crl.ca(), crl.nextUpdate()) == null) {
            Gauge.builder("ferrite.cert.crl.time.to.next.update", nextUpdates,
                            updates -> secondsUntil(updates.get(crl.ca())))
                    .description("Time until the nextUpdate of the CA's current CRL; negative once it has passed")
                    .baseUnit("seconds")
                    .tag("ca", crl.ca())
                    .register(meters);
        }
    }

    private double secondsUntil(Instant instant) {
        return Duration.between(clock.instant(), instant).toMillis() / 1000.0;
    }
}
