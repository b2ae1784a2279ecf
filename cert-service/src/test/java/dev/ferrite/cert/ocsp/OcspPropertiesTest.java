package dev.ferrite.cert.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class OcspPropertiesTest {

    @Test
    void theDefaultsHoldTogether() {
        OcspProperties defaults = properties(Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofMinutes(10));

        assertThat(defaults.signerRenewalMargin()).isEqualTo(Duration.ofDays(7).dividedBy(3));
        assertThat(defaults.maxRequestBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void aCachedAnswerMayNotOutliveItsNextUpdate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofMinutes(10)))
                .withMessageStartingWith("ferrite.cert.ocsp.cache-ttl (PT2M) must not be longer than response-validity");
    }

    @Test
    void aSignerMustOutliveEveryAnswerItSigned() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofDays(1), Duration.ofSeconds(5), Duration.ofDays(2), Duration.ofMinutes(10)))
                .withMessageStartingWith("ferrite.cert.ocsp.response-validity (PT24H) must be shorter than a third of signer-validity");
    }

    @Test
    void theRenewalCheckMustComeBeforeTheSignerRunsOut() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofDays(3), Duration.ofDays(1)))
                .withMessageStartingWith("ferrite.cert.ocsp.signer-check-interval (PT24H) must be shorter than");
    }

    @Test
    void durationsMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofHours(1), Duration.ZERO, Duration.ofDays(7), Duration.ofMinutes(10)))
                .withMessage("ferrite.cert.ocsp.cache-ttl must be a positive duration, was PT0S");
    }

    private static OcspProperties properties(Duration responseValidity, Duration cacheTtl, Duration signerValidity,
            Duration checkInterval) {
        return new OcspProperties(responseValidity, cacheTtl, 10_000, signerValidity, checkInterval, DataSize.ofKilobytes(64), 32);
    }
}
