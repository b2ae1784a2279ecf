package dev.ferrite.restconventions.testapp;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** A dependency whose health a test sets. */
public class SwitchableHealthIndicator implements HealthIndicator {

    private volatile boolean up = true;

    public void setUp(boolean up) {
        this.up = up;
    }

    @Override
    public Health health() {
        return up ? Health.up().build() : Health.down().withDetail("reason", "switched off by the test").build();
    }
}
