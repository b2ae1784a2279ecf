package dev.ferrite.cert.ocsp;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** {@code ferrite.cert.ocsp.responses{status}} and the response cache's hits and misses. */
@Component
class OcspMetrics {

    private final Map<OcspStatus, Counter> responses = new EnumMap<>(OcspStatus.class);
    private final Counter cacheHits;
    private final Counter cacheMisses;

    OcspMetrics(MeterRegistry meters) {
        for (OcspStatus status : OcspStatus.values()) {
            responses.put(status, Counter.builder("ferrite.cert.ocsp.responses")
                    .description("OCSP answers: one per certificate status in a successful response, one per error response")
                    .tag("status", status.tag())
                    .register(meters));
        }
        cacheHits = Counter.builder("ferrite.cert.ocsp.cache.hits")
                .description("Requests without a nonce answered from the response cache")
                .register(meters);
        cacheMisses = Counter.builder("ferrite.cert.ocsp.cache.misses")
                .description("Requests without a nonce that had to be signed")
                .register(meters);
    }

    void answered(OcspStatus status) {
        responses.get(status).increment();
    }

    void answered(List<OcspStatus> statuses) {
        statuses.forEach(this::answered);
    }

    void cacheHit() {
        cacheHits.increment();
    }

    void cacheMiss() {
        cacheMisses.increment();
    }
}
