package dev.ferrite.apikeyguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.apikeyguard.ApiKeyVerification.Outcome;
import org.junit.jupiter.api.Test;

class CachingApiKeyVerifierTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final FakeTicker ticker = new FakeTicker();
    private final ScriptedVerifier delegate = new ScriptedVerifier();
    private final CachingApiKeyVerifier verifier = new CachingApiKeyVerifier(delegate, TTL, ticker);

    @Test
    void aValidAnswerIsServedFromTheCacheWithinTheTimeToLive() {
        delegate.answer("key", "secret", ApiKeyVerification.valid(ApiRole.VIEWER));

        assertThat(verifier.verify("key", "secret")).isEqualTo(ApiKeyVerification.valid(ApiRole.VIEWER));
        delegate.answer("key", "secret", ApiKeyVerification.rejected(Outcome.DISABLED));
        ticker.advance(TTL.minusNanos(1));

        assertThat(verifier.verify("key", "secret")).isEqualTo(ApiKeyVerification.valid(ApiRole.VIEWER));
        assertThat(delegate.calls).hasSize(1);
    }

    @Test
    void theDelegateIsAskedAgainOnceTheTimeToLiveHasPassed() {
        delegate.answer("key", "secret", ApiKeyVerification.valid(ApiRole.ADMINISTRATOR));
        verifier.verify("key", "secret");
        delegate.answer("key", "secret", ApiKeyVerification.rejected(Outcome.DISABLED));

        ticker.advance(TTL);

        assertThat(verifier.verify("key", "secret")).isEqualTo(ApiKeyVerification.rejected(Outcome.DISABLED));
        assertThat(delegate.calls).hasSize(2);
    }

    @Test
    void rejectionsAreNeverCached() {
        for (Outcome outcome : List.of(Outcome.UNKNOWN_KEY, Outcome.WRONG_SECRET, Outcome.DISABLED, Outcome.EXPIRED)) {
            delegate.answer("key", "secret", ApiKeyVerification.rejected(outcome));
            verifier.verify("key", "secret");
            verifier.verify("key", "secret");
        }

        assertThat(delegate.calls).hasSize(8);
    }

    @Test
    void aKeyThatBecomesValidIsAcceptedAtOnce() {
        delegate.answer("key", "secret", ApiKeyVerification.rejected(Outcome.UNKNOWN_KEY));
        verifier.verify("key", "secret");
        delegate.answer("key", "secret", ApiKeyVerification.valid(ApiRole.PUBLISHER));

        assertThat(verifier.verify("key", "secret")).isEqualTo(ApiKeyVerification.valid(ApiRole.PUBLISHER));
    }

    @Test
    void aDifferentSecretForACachedKeyIsNotServedFromTheCache() {
        delegate.answer("key", "secret", ApiKeyVerification.valid(ApiRole.ADMINISTRATOR));
        delegate.answer("key", "guess", ApiKeyVerification.rejected(Outcome.WRONG_SECRET));
        verifier.verify("key", "secret");

        assertThat(verifier.verify("key", "guess")).isEqualTo(ApiKeyVerification.rejected(Outcome.WRONG_SECRET));
        assertThat(delegate.calls).containsExactly("key:secret", "key:guess");
    }

    @Test
    void keyAndSecretBoundariesAreNotConfused() {
        delegate.answer("ab", "c", ApiKeyVerification.valid(ApiRole.ADMINISTRATOR));
        delegate.answer("a", "bc", ApiKeyVerification.rejected(Outcome.UNKNOWN_KEY));
        verifier.verify("ab", "c");

        assertThat(verifier.verify("a", "bc")).isEqualTo(ApiKeyVerification.rejected(Outcome.UNKNOWN_KEY));
    }

    @Test
    void anUnavailableDelegateIsReportedAndNothingIsCached() {
        delegate.unavailable = true;

        assertThatThrownBy(() -> verifier.verify("key", "secret"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class);

        delegate.unavailable = false;
        delegate.answer("key", "secret", ApiKeyVerification.rejected(Outcome.WRONG_SECRET));
        assertThat(verifier.verify("key", "secret")).isEqualTo(ApiKeyVerification.rejected(Outcome.WRONG_SECRET));
    }

    private static final class ScriptedVerifier implements ApiKeyVerifier {

        private final Map<String, ApiKeyVerification> answers = new HashMap<>();
        private final List<String> calls = new ArrayList<>();
        private boolean unavailable;

        void answer(String apiKey, String apiSecret, ApiKeyVerification verification) {
            answers.put(apiKey + ":" + apiSecret, verification);
        }

        @Override
        public ApiKeyVerification verify(String apiKey, String apiSecret) {
            calls.add(apiKey + ":" + apiSecret);
            if (unavailable) {
                throw new ApiKeyVerifierUnavailableException("down", null);
            }
            return answers.getOrDefault(apiKey + ":" + apiSecret, ApiKeyVerification.rejected(Outcome.UNKNOWN_KEY));
        }
    }
}
