package dev.ferrite.apikeyguard.testapp;

import java.util.Map;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerification.Outcome;
import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.apikeyguard.ApiKeyVerifierUnavailableException;
import dev.ferrite.apikeyguard.ApiRole;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A service guarded by the API key guard, with a fixed set of keys instead of auth-service. */
@SpringBootApplication
public class GuardTestApplication {

    public static final String SECRET_SUFFIX = "-secret";
    /** Verifying this key fails as if auth-service were down. */
    public static final String OUTAGE_KEY = "outage-key";

    private static final Map<String, ApiKeyVerification> KEYS = Map.of(
            "admin-key", ApiKeyVerification.valid(ApiRole.ADMINISTRATOR),
            "viewer-key", ApiKeyVerification.valid(ApiRole.VIEWER),
            "publisher-key", ApiKeyVerification.valid(ApiRole.PUBLISHER),
            "disabled-key", ApiKeyVerification.rejected(Outcome.DISABLED),
            "expired-key", ApiKeyVerification.rejected(Outcome.EXPIRED));

    @Bean
    ApiKeyVerifier fixedKeys() {
        return (apiKey, apiSecret) -> {
            if (apiKey.equals(OUTAGE_KEY)) {
                throw new ApiKeyVerifierUnavailableException("auth-service is down", null);
            }
            ApiKeyVerification verification = KEYS.get(apiKey);
            if (verification == null) {
                return ApiKeyVerification.rejected(Outcome.UNKNOWN_KEY);
            }
            return apiSecret.equals(apiKey + SECRET_SUFFIX) ? verification : ApiKeyVerification.rejected(Outcome.WRONG_SECRET);
        };
    }
}
