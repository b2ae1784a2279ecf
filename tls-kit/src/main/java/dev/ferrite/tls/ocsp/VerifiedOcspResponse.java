package dev.ferrite.tls.ocsp;

import java.time.Instant;

import dev.ferrite.tls.RevocationStatus;

/**
 * An OCSP response whose signature, certificate id and validity window were verified.
 *
 * @param validUntil the nextUpdate, or thisUpdate plus the configured validity when it has none
 * @param revokedAt when the certificate was revoked; null unless REVOKED
 * @param signer the subject of the certificate that signed the response
 * @param der the whole OCSPResponse, as it is stapled
 */
public record VerifiedOcspResponse(RevocationStatus status, Instant thisUpdate, Instant validUntil, Instant revokedAt,
        String signer, byte[] der) {

    public boolean isValidAt(Instant now) {
        return now.isBefore(validUntil);
    }
}
