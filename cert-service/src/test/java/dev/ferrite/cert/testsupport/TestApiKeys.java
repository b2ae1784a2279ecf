package dev.ferrite.cert.testsupport;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.apikeyguard.ApiRole;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stands in for auth-service in cert-service's tests: the guard uses an {@link ApiKeyVerifier}
 * bean instead of asking auth-service over gRPC. One administrator key, {@value #ADMIN}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestApiKeys {

    public static final String ADMIN = "test-admin:test-admin-secret";

    @Bean
    ApiKeyVerifier testApiKeyVerifier() {
        return (key, secret) -> (key + ":" + secret).equals(ADMIN)
                ? ApiKeyVerification.valid(ApiRole.ADMINISTRATOR)
                : ApiKeyVerification.rejected(ApiKeyVerification.Outcome.UNKNOWN_KEY);
    }
}
