package dev.ferrite.auth.apikey;

import java.time.Clock;
import java.util.Optional;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerification.Outcome;
import dev.ferrite.apikeyguard.ApiKeyVerifier;

import org.springframework.stereotype.Component;

/**
 * Verifies keys against the database. auth-service's own REST API uses it directly; the other
 * services reach it through {@link ApiKeyVerificationGrpcService}.
 */
@Component
public class StoredApiKeyVerifier implements ApiKeyVerifier {

    private final ApiKeyRepository repository;
    private final ApiKeySecrets secrets;
    private final Clock clock;

    public StoredApiKeyVerifier(ApiKeyRepository repository, ApiKeySecrets secrets, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ApiKeyVerification verify(String apiKey, String apiSecret) {
        Optional<ApiKey> stored = repository.findByApiKey(apiKey);
        if (stored.isEmpty()) {
            secrets.matchDecoy(apiSecret);
            return ApiKeyVerification.rejected(Outcome.UNKNOWN_KEY);
        }
        ApiKey key = stored.get();
        if (!secrets.matches(apiSecret, key.secretHash())) {
            return ApiKeyVerification.rejected(Outcome.WRONG_SECRET);
        }
        if (!key.enabled()) {
            return ApiKeyVerification.rejected(Outcome.DISABLED);
        }
        if (key.isExpiredAt(clock.instant())) {
            return ApiKeyVerification.rejected(Outcome.EXPIRED);
        }
        return ApiKeyVerification.valid(key.role());
    }
}
