package dev.ferrite.cert.ocsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ferrite.cert.issue.RevocationChanged;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Signed answers to requests without a nonce, kept for {@code cache-ttl} so that a burst of
 * identical requests costs one signature. A revocation drops its CA's answers at once.
 *
 * <p>Each CA's answers carry a generation that a revocation advances after it is committed: an
 * answer read from the database before the commit is filed under the old generation and never
 * found again, however late it is stored.
 */
@Component
class OcspResponseCache {

    /** A signed response and the certificate statuses in it (for the metrics of cache hits). */
    record SignedAnswer(byte[] response, List<OcspStatus> statuses) {
    }

    record Key(String ca, long generation, List<String> certIds) {
    }

    private final Cache<Key, SignedAnswer> answers;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    OcspResponseCache(OcspProperties properties) {
        answers = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheMaxEntries())
                .build();
    }

    /** The certificates as a set: the same ones asked in another order get the same answer. */
    Key keyFor(String ca, List<String> certIds) {
        return new Key(ca, generation(ca).get(), certIds.stream().sorted().toList());
    }

    SignedAnswer find(Key key) {
        return answers.getIfPresent(key);
    }

    /** Signs at most once per key, however many requests for it arrive together. */
    SignedAnswer findOrSign(Key key, Supplier<SignedAnswer> sign) {
        return answers.get(key, ignored -> sign.get());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(2)
    void onRevocationChanged(RevocationChanged change) {
        generation(change.ca()).incrementAndGet();
        answers.asMap().keySet().removeIf(key -> key.ca().equals(change.ca()));
    }

    private AtomicLong generation(String ca) {
        return generations.computeIfAbsent(ca, ignored -> new AtomicLong());
    }
}
