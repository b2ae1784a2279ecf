package dev.ferrite.rules.testing;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.apikeyguard.ApiRole;

/** Stands in for auth-service: one administrator and one viewer key, every other key unknown. */
public final class TestApiKeys {

    public static final String ADMIN_KEY = "test-admin";
    public static final String VIEWER_KEY = "test-viewer";
    public static final String SECRET = "test-Secret-0123";

    private TestApiKeys() {
    }

    public static ApiKeyVerifier verifier() {
        return (apiKey, apiSecret) -> {
            ApiRole role = switch (apiKey) {
                case ADMIN_KEY -> ApiRole.ADMINISTRATOR;
                case VIEWER_KEY -> ApiRole.VIEWER;
                default -> null;
            };
            if (role == null) {
                return ApiKeyVerification.rejected(ApiKeyVerification.Outcome.UNKNOWN_KEY);
            }
            return SECRET.equals(apiSecret) ? ApiKeyVerification.valid(role)
                    : ApiKeyVerification.rejected(ApiKeyVerification.Outcome.WRONG_SECRET);
        };
    }
}
