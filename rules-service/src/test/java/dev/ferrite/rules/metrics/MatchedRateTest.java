package dev.ferrite.rules.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class MatchedRateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final MatchedRate rate = new MatchedRate();

    @Test
    void currentIsTheLastIntervalsRateAndMaxTheHighestSeen() {
        rate.sample(0, 0);
        rate.sample(10, SECOND);
        rate.sample(40, 2 * SECOND);
        rate.sample(45, 3 * SECOND);

        assertThat(rate.current()).isEqualTo(5.0);
        assertThat(rate.max()).isEqualTo(30.0);
        assertThat(rate.last5m()).isEqualTo(15.0);
    }

    @Test
    void last5mForgetsWhatIsOlderThanFiveMinutes() {
        rate.sample(0, 0);
        rate.sample(6000, 10 * SECOND);
        for (int second = 20; second <= 320; second += 10) {
            rate.sample(6000, second * SECOND);
        }

        assertThat(rate.current()).isZero();
        assertThat(rate.max()).isEqualTo(600.0);
        assertThat(rate.last5m()).isZero();
    }

    @Test
    void resetStartsAgainFromTheNextSamples() {
        rate.sample(0, 0);
        rate.sample(100, SECOND);
        rate.reset();

        assertThat(rate.current()).isZero();
        assertThat(rate.max()).isZero();
        rate.sample(0, 2 * SECOND);
        rate.sample(3, 3 * SECOND);
        assertThat(rate.max()).isEqualTo(3.0);
    }
}
