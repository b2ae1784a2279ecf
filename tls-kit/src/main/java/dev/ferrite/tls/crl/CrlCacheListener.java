package dev.ferrite.tls.crl;

import java.math.BigInteger;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/** Told what the CRL cache does: for metrics, alarms and disconnecting revoked sessions. */
public interface CrlCacheListener {

    /** After every fetch attempt, successful or not ({@link CrlSourceView#lastOutcome()} says). */
    default void fetched(CrlSourceView source) {
    }

    /**
     * A verified CRL revokes serials that the one before it from the same source did not (all of
     * its serials for the first CRL of a source): sessions made with them should end now.
     */
    default void revoked(X500Principal issuer, Set<BigInteger> serials, String source) {
    }

    CrlCacheListener NONE = new CrlCacheListener() {
    };
}
