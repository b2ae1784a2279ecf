package dev.ferrite.apikeyguard;

/** The API key store (auth-service) could not be asked; the request can be retried later. */
public class ApiKeyVerifierUnavailableException extends RuntimeException {

    public ApiKeyVerifierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
