package dev.ferrite.tls.crl;

/** How the cache came to know a CRL source. */
public enum CrlOrigin {
    /** Named by a certificate's CRL Distribution Points; counts against the capacity. */
    DISTRIBUTION_POINT,
    /** A URL configured up front. */
    CONFIGURED_URL,
    /** A file configured up front. */
    CONFIGURED_FILE
}
