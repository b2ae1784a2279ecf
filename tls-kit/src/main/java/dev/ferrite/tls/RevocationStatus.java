package dev.ferrite.tls;

/** What a revocation source (a CRL or an OCSP responder) says about one certificate. */
public enum RevocationStatus {
    /** The source is valid now and does not list the certificate. */
    GOOD,
    /** The source is valid now and lists the certificate as revoked. */
    REVOKED,
    /** No valid source could be had, or the source does not know the certificate. */
    UNKNOWN
}
