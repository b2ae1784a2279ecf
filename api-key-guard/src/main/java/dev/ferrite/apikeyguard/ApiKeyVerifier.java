package dev.ferrite.apikeyguard;

/** Checks an API key and its secret against auth-service's store. */
public interface ApiKeyVerifier {

    /**
     * @throws ApiKeyVerifierUnavailableException when the store cannot be asked right now
     */
    ApiKeyVerification verify(String apiKey, String apiSecret);
}
