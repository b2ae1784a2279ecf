package dev.ferrite.tls.crl;

/** What the last fetch of a CRL source did. */
public enum FetchOutcome {
    /** Not fetched yet. */
    NONE,
    /** A new CRL was taken into use. */
    LOADED,
    /** The source said (HTTP 304) or showed (same file) that nothing changed. */
    NOT_MODIFIED,
    /** Nothing usable came; the CRL from before, if any, stays until its nextUpdate plus the grace period. */
    FAILED
}
