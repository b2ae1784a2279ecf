package dev.ferrite.rules.bus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code gateway}, part of readiness: a replica that is not connected to the bus runs no rule,
 * so it does not report itself ready (its REST API still answers).
 */
@Component
public class GatewayHealthIndicator implements HealthIndicator {

    private final GatewayConnection connection;

    public GatewayHealthIndicator(GatewayConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        if (connection.isConnected()) {
            return Health.up().build();
        }
        Exception failure = connection.lastFailure();
        return failure == null ? Health.down().build() : Health.down(failure).build();
    }
}
