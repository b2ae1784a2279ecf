package dev.ferrite.cert.issue;

/**
 * Published when a certificate of a CA is revoked or reinstated, so that the CRL is re-signed
 * and cached OCSP answers are dropped at once.
 */
public record RevocationChanged(String ca, String serial) {
}
