package dev.ferrite.tls.stapling;

import java.security.cert.X509Certificate;
import java.time.Instant;

import dev.ferrite.tls.ocsp.VerifiedOcspResponse;

/** Told what a stapler does, for the log, metrics and alarms. */
public interface StaplingListener {

    /** A new verified response is stapled from now on; its status may be REVOKED, which deserves an alarm. */
    default void refreshed(X509Certificate certificate, VerifiedOcspResponse response) {
    }

    /**
     * A refresh failed.
     *
     * @param stapledUntil until when the cached response is still stapled; null when there is none
     */
    default void refreshFailed(X509Certificate certificate, String reason, Instant stapledUntil) {
    }

    /** Nothing is stapled any more (the last response expired, or none was ever had): raise the alarm. */
    default void nothingToStaple(X509Certificate certificate, String reason) {
    }

    StaplingListener NONE = new StaplingListener() {
    };
}
