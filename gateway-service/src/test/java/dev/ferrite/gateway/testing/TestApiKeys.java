package dev.ferrite.gateway.testing;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.apikeyguard.ApiRole;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Stands in for auth-service: one key per role, every other key unknown. */
@TestConfiguration(proxyBeanMethods = false)
public class TestApiKeys {

    public static final String ADMIN_KEY = "test-admin";
    public static final String VIEWER_KEY = "test-viewer";
    public static final String PUBLISHER_KEY = "test-publisher";
    public static final String SECRET = "test-Secret-0123";

    @Bean
    ApiKeyVerifier testApiKeyVerifier() {
        return (apiKey, apiSecret) -> {
            ApiRole role = switch (apiKey) {
                case ADMIN_KEY -> ApiRole.ADMINISTRATOR;
                case VIEWER_KEY -> ApiRole.VIEWER;
                case PUBLISHER_KEY -> ApiRole.PUBLISHER;
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
