package dev.ferrite.apikeyguard;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.api-guard.*}: how a service checks the API keys of its REST callers.
 *
 * @param authServiceAddress host:port of auth-service's gRPC server
 * @param cacheTtl how long a verified key is trusted before auth-service is asked again;
 *                 also the longest time a disabled or deleted key keeps working
 * @param verifyTimeout how long to wait for auth-service's answer
 * @param throttle limits on failed authentications per client address
 * @param publicPaths paths open without credentials, besides status, metrics, probes and docs
 */
@ConfigurationProperties("ferrite.api-guard")
public record ApiKeyGuardProperties(
        @DefaultValue("127.0.0.1:19084") String authServiceAddress,
        @DefaultValue("5s") Duration cacheTtl,
        @DefaultValue("5s") Duration verifyTimeout,
        @DefaultValue Throttle throttle,
        @DefaultValue List<String> publicPaths) {

    /**
     * @param maxFailures failed authentications an address may make within the window
     * @param window how long failures are remembered, counted from the first
     */
    public record Throttle(@DefaultValue("10") int maxFailures, @DefaultValue("1m") Duration window) {

        public Throttle {
            if (maxFailures < 1) {
                throw new IllegalArgumentException(
                        "ferrite.api-guard.throttle.max-failures must be at least 1, was " + maxFailures);
            }
            requirePositive("ferrite.api-guard.throttle.window", window);
        }
    }

    public ApiKeyGuardProperties {
        if (authServiceAddress.isBlank() || !authServiceAddress.contains(":")) {
            throw new IllegalArgumentException(
                    "ferrite.api-guard.auth-service-address must be host:port, was '" + authServiceAddress + "'");
        }
        requirePositive("ferrite.api-guard.cache-ttl", cacheTtl);
        requirePositive("ferrite.api-guard.verify-timeout", verifyTimeout);
        publicPaths = List.copyOf(publicPaths);
    }

    private static void requirePositive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
        }
    }
}
