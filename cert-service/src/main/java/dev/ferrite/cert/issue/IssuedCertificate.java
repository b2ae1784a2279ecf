package dev.ferrite.cert.issue;

import java.time.Instant;

/**
 * A certificate a CA issued, with its revocation state.
 *
 * @param serial the serial number in lowercase hex, without leading zero bytes
 * @param revokedAt when it was revoked; null while it is not
 */
public record IssuedCertificate(
        String serial,
        String ca,
        String commonName,
        Profile profile,
        String certificatePem,
        Instant notBefore,
        Instant notAfter,
        Instant revokedAt,
        RevocationReason revocationReason,
        Instant createdAt) {

    public enum Status { VALID, REVOKED, EXPIRED }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Status statusAt(Instant now) {
        if (isRevoked()) {
            return Status.REVOKED;
        }
        return now.isAfter(notAfter) ? Status.EXPIRED : Status.VALID;
    }

    public IssuedCertificate revoked(Instant at, RevocationReason reason) {
        return new IssuedCertificate(serial, ca, commonName, profile, certificatePem, notBefore, notAfter, at, reason, createdAt);
    }

    public IssuedCertificate reinstated() {
        return new IssuedCertificate(serial, ca, commonName, profile, certificatePem, notBefore, notAfter, null, null, createdAt);
    }
}
