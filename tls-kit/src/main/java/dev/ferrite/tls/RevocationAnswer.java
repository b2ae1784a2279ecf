package dev.ferrite.tls;

/**
 * A revocation source's answer about one certificate.
 *
 * @param detail in a few words where the answer came from or why there is none, for logs
 */
public record RevocationAnswer(RevocationStatus status, String detail) {

    public static RevocationAnswer good(String detail) {
        return new RevocationAnswer(RevocationStatus.GOOD, detail);
    }

    public static RevocationAnswer revoked(String detail) {
        return new RevocationAnswer(RevocationStatus.REVOKED, detail);
    }

    public static RevocationAnswer unknown(String detail) {
        return new RevocationAnswer(RevocationStatus.UNKNOWN, detail);
    }
}
