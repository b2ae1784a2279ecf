package dev.ferrite.cert.crl;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.apikeyguard.ApiRole;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** One administrator API key, checked here instead of by auth-service, which these tests do not run. */
@TestConfiguration(proxyBeanMethods = false)
class TestApiKey {

    static final String KEY = "crl-test";
    static final String SECRET = "crl-test-Secret-1";

    @Bean
    ApiKeyVerifier testApiKeyVerifier() {
        return (apiKey, apiSecret) -> KEY.equals(apiKey) && SECRET.equals(apiSecret)
                ? ApiKeyVerification.valid(ApiRole.ADMINISTRATOR)
                : ApiKeyVerification.rejected(ApiKeyVerification.Outcome.WRONG_SECRET);
    }
}
