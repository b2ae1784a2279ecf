package dev.ferrite.tls.crl;

/** A CRL could not be had from its source; the message says why in a few words. */
class CrlFetchException extends Exception {

    CrlFetchException(String message) {
        super(message);
    }

    CrlFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
