package dev.ferrite.apikeyguard;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Counts failed authentications per client address in a fixed window that opens with the
 * first failure; an address that reaches the limit is refused until its window closes.
 */
public class FailedAuthenticationThrottle {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Cache<String, AtomicInteger> failures;

    public FailedAuthenticationThrottle(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.window = window;
        // Counting does not write the entry, so it expires one window after the first failure.
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(MAX_TRACKED_ADDRESSES)
                .ticker(ticker)
                .build();
    }

    public void recordFailure(String address) {
        failures.get(address, any -> new AtomicInteger()).incrementAndGet();
    }

    /** How long the address must wait, when it has used up its failures. */
    public Optional<Duration> blockedFor(String address) {
        AtomicInteger count = failures.getIfPresent(address);
        if (count == null || count.get() < maxFailures) {
            return Optional.empty();
        }
        Duration age = failures.policy().expireAfterWrite()
                .flatMap(expiry -> expiry.ageOf(address))
                .orElse(Duration.ZERO);
        Duration remaining = window.minus(age);
        return Optional.of(remaining.isNegative() ? Duration.ZERO : remaining);
    }
}
