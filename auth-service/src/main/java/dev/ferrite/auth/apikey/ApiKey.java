package dev.ferrite.auth.apikey;

import java.time.Instant;

import dev.ferrite.apikeyguard.ApiRole;

/**
 * A stored management API key.
 *
 * @param expiresAt when the key stops working; null for never
 * @param source where the key came from: the REST API or the bootstrap file
 */
public record ApiKey(
        String name,
        String apiKey,
        String secretHash,
        ApiRole role,
        String description,
        boolean enabled,
        Instant expiresAt,
        Instant createdAt,
        Source source) {

    public enum Source { API, BOOTSTRAP_FILE }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
