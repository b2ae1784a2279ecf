package dev.ferrite.cert.expiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.cert.expiry-*}: when coming certificate expiry raises an alarm.
 *
 * @param expiryWarning an alarm is raised for a bundle or CA whose certificate expires within this
 * @param expiryCheckInterval how often every bundle and CA is checked (also once at start)
 */
@ConfigurationProperties("ferrite.cert")
public record ExpiryProperties(
        @DefaultValue("30d") Duration expiryWarning,
        @DefaultValue("1h") Duration expiryCheckInterval) {

    public ExpiryProperties {
        if (expiryWarning.isNegative() || expiryWarning.isZero()) {
            throw new IllegalArgumentException("ferrite.cert.expiry-warning must be a positive duration, was " + expiryWarning);
        }
        if (expiryCheckInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ferrite.cert.expiry-check-interval must be at least 1s, was "
                    + expiryCheckInterval);
        }
    }
}
