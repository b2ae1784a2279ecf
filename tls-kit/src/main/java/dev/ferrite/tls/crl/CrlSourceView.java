package dev.ferrite.tls.crl;

import java.time.Instant;

/**
 * One CRL source as {@code GET /api/v5/crl-cache} shows it.
 *
 * @param source the URL or file path
 * @param lastError why the last fetch failed; null when it did not
 * @param issuer the distinguished name of the CRL's issuer; null before a CRL was had
 * @param entries how many certificates the CRL in use revokes
 * @param verified whether the CRL in use was verified against its issuer's key (it is before any use)
 * @param valid whether the CRL in use is within thisUpdate .. nextUpdate plus the grace period now
 */
public record CrlSourceView(String source, CrlOrigin origin, Instant lastFetchAt, FetchOutcome lastOutcome,
        String lastError, Instant lastSuccessAt, String issuer, Instant thisUpdate, Instant nextUpdate, int entries,
        boolean verified, boolean valid) {
}
