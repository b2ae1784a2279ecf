package dev.ferrite.tls.revocation;

/** What a handshake does when no revocation source could answer for the peer's certificate. */
public enum RevocationPolicy {
    /** Refuse the handshake (the default). */
    FAIL_CLOSED,
    /** Accept it; the listener hears of it, to count and raise an alarm. */
    FAIL_OPEN
}
