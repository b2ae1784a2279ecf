package dev.ferrite.cert.ocsp;

import java.util.Locale;

/** What one answer of the responder said, as counted in the metrics. */
enum OcspStatus {
    /** Certificate statuses of a successful response. */
    GOOD, REVOKED, UNKNOWN,
    /** Error responses (OCSPResponseStatus). */
    MALFORMED, UNAUTHORIZED, INTERNAL_ERROR;

    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
