package dev.ferrite.apikeyguard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Remembers good keys for a short time, so that a burst of requests costs one slow hash and
 * one round trip, while a key disabled or deleted in auth-service stops working once the
 * time-to-live has passed. Rejections are never cached: they are rare and throttled instead.
 */
public class CachingApiKeyVerifier implements ApiKeyVerifier {

    private static final int MAX_ENTRIES = 10_000;

    private final ApiKeyVerifier delegate;
    private final Cache<String, ApiKeyVerification> validKeys;

    public CachingApiKeyVerifier(ApiKeyVerifier delegate, Duration timeToLive, Ticker ticker) {
        this.delegate = delegate;
        this.validKeys = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                .build();
    }

    @Override
    public ApiKeyVerification verify(String apiKey, String apiSecret) {
        String cacheKey = fingerprint(apiKey, apiSecret);
        ApiKeyVerification cached = validKeys.getIfPresent(cacheKey);
        if (cached != null) {
            return cached;
        }
        ApiKeyVerification verification = delegate.verify(apiKey, apiSecret);
        if (verification.isValid()) {
            validKeys.put(cacheKey, verification);
        }
        return verification;
    }

    /** The cache holds a digest of key and secret, never the secret itself. */
    private static String fingerprint(String apiKey, String apiSecret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(apiKey.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(apiSecret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
