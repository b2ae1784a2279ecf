package dev.ferrite.tls.ocsp;

/** No usable OCSP response: the responder could not be reached, or its response failed verification. */
public class OcspException extends Exception {

    public OcspException(String message) {
        super(message);
    }

    public OcspException(String message, Throwable cause) {
        super(message, cause);
    }
}
