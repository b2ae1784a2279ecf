package dev.ferrite.tls.revocation;

import java.security.cert.X509Certificate;

import dev.ferrite.tls.RevocationAnswer;

/** Told of every handshake decision that revocation made, for metrics and alarms. */
public interface RevocationListener {

    /** The peer's certificate is revoked, or (fail-closed) nobody could say: the handshake is refused. */
    default void refused(X509Certificate certificate, RevocationAnswer answer) {
    }

    /** Nobody could say and the policy is fail-open: the handshake goes on. */
    default void acceptedUnknown(X509Certificate certificate, RevocationAnswer answer) {
    }

    RevocationListener NONE = new RevocationListener() {
    };
}
