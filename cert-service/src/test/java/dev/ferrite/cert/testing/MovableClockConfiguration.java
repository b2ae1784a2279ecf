package dev.ferrite.cert.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces cert-service's clock with a {@link MovableClock} the test can move ahead. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
