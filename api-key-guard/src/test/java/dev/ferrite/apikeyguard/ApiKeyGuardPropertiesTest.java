package dev.ferrite.apikeyguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ApiKeyGuardPropertiesTest {

    private static final ApiKeyGuardProperties.Throttle THROTTLE =
            new ApiKeyGuardProperties.Throttle(10, Duration.ofMinutes(1));

    @Test
    void bindsTheDefaultsWhenNothingIsSet() {
        ApiKeyGuardProperties properties = bind(Map.of());

        assertThat(properties.authServiceAddress()).isEqualTo("127.0.0.1:19084");
        assertThat(properties.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.verifyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.throttle().maxFailures()).isEqualTo(10);
        assertThat(properties.throttle().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.publicPaths()).isEmpty();
    }

    @Test
    void bindsConfiguredValues() {
        ApiKeyGuardProperties properties = bind(Map.of(
                "ferrite.api-guard.auth-service-address", "auth:9000",
                "ferrite.api-guard.cache-ttl", "1s",
                "ferrite.api-guard.throttle.max-failures", "3",
                "ferrite.api-guard.public-paths[0]", "/api/v5/open"));

        assertThat(properties.authServiceAddress()).isEqualTo("auth:9000");
        assertThat(properties.cacheTtl()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.throttle().maxFailures()).isEqualTo(3);
        assertThat(properties.publicPaths()).containsExactly("/api/v5/open");
    }

    @Test
    void aBadBoundValueFailsWithAMessageNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("ferrite.api-guard.throttle.max-failures", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("ferrite.api-guard.throttle.max-failures must be at least 1, was 0");
    }

    @Test
    void theAuthServiceAddressMustBeHostAndPort() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("auth-service", Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .withMessage("ferrite.api-guard.auth-service-address must be host:port, was 'auth-service'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(" ", Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .withMessageContaining("ferrite.api-guard.auth-service-address");
    }

    @Test
    void theCacheTimeToLiveMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("auth:9000", Duration.ZERO, Duration.ofSeconds(2)))
                .withMessage("ferrite.api-guard.cache-ttl must be a positive duration, was PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("auth:9000", Duration.ofSeconds(-1), Duration.ofSeconds(2)))
                .withMessageStartingWith("ferrite.api-guard.cache-ttl must be a positive duration");
    }

    @Test
    void theVerifyTimeoutMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("auth:9000", Duration.ofSeconds(5), Duration.ZERO))
                .withMessage("ferrite.api-guard.verify-timeout must be a positive duration, was PT0S");
    }

    @Test
    void theThrottleNeedsAtLeastOneFailureAndAPositiveWindow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ApiKeyGuardProperties.Throttle(0, Duration.ofMinutes(1)))
                .withMessage("ferrite.api-guard.throttle.max-failures must be at least 1, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ApiKeyGuardProperties.Throttle(5, Duration.ZERO))
                .withMessage("ferrite.api-guard.throttle.window must be a positive duration, was PT0S");
    }

    @Test
    void publicPathsAreCopied() {
        List<String> paths = new ArrayList<>(List.of("/a"));
        ApiKeyGuardProperties properties = new ApiKeyGuardProperties(
                "auth:9000", Duration.ofSeconds(5), Duration.ofSeconds(2), THROTTLE, paths);

        paths.add("/b");

        assertThat(properties.publicPaths()).containsExactly("/a");
    }

    private static ApiKeyGuardProperties properties(String address, Duration cacheTtl, Duration verifyTimeout) {
        return new ApiKeyGuardProperties(address, cacheTtl, verifyTimeout, THROTTLE, List.of());
    }

    private static ApiKeyGuardProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("ferrite.api-guard", ApiKeyGuardProperties.class);
    }
}
