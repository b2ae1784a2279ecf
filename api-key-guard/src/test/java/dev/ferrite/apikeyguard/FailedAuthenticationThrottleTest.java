package dev.ferrite.apikeyguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FailedAuthenticationThrottleTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final FakeTicker ticker = new FakeTicker();
    private final FailedAuthenticationThrottle throttle = new FailedAuthenticationThrottle(3, WINDOW, ticker);

    @Test
    void anAddressWithoutFailuresIsNotBlocked() {
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressBelowTheLimitIsNotBlocked() {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");

        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressIsBlockedOnceItReachesTheLimit() {
        failTimes("10.0.0.1", 3);

        assertThat(throttle.blockedFor("10.0.0.1")).contains(WINDOW);
    }

    @Test
    void theRemainingTimeCountsFromTheFirstFailure() {
        throttle.recordFailure("10.0.0.1");
        ticker.advance(Duration.ofSeconds(20));
        throttle.recordFailure("10.0.0.1");
        ticker.advance(Duration.ofSeconds(15));
        throttle.recordFailure("10.0.0.1");

        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(25));

        ticker.advance(Duration.ofSeconds(10));

        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(15));
    }

    @Test
    void furtherFailuresWhileBlockedDoNotExtendTheWindow() {
        failTimes("10.0.0.1", 3);
        ticker.advance(Duration.ofSeconds(50));
        failTimes("10.0.0.1", 5);

        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(10));
    }

    @Test
    void anAddressIsUnblockedWhenTheWindowCloses() {
        failTimes("10.0.0.1", 3);
        ticker.advance(WINDOW.minusNanos(1));

        assertThat(throttle.blockedFor("10.0.0.1")).isPresent();

        ticker.advance(Duration.ofNanos(1));

        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void failuresAreForgottenWhenTheWindowCloses() {
        failTimes("10.0.0.1", 2);
        ticker.advance(WINDOW);
        failTimes("10.0.0.1", 2);

        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void addressesAreCountedIndependently() {
        failTimes("10.0.0.1", 3);
        failTimes("10.0.0.2", 2);

        assertThat(throttle.blockedFor("10.0.0.1")).isPresent();
        assertThat(throttle.blockedFor("10.0.0.2")).isEmpty();
        assertThat(throttle.blockedFor("10.0.0.3")).isEmpty();
    }

    @Test
    void aLimitOfOneBlocksAfterTheFirstFailure() {
        FailedAuthenticationThrottle strict = new FailedAuthenticationThrottle(1, WINDOW, ticker);

        strict.recordFailure("10.0.0.1");

        assertThat(strict.blockedFor("10.0.0.1")).contains(WINDOW);
    }

    private void failTimes(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address);
        }
    }
}
