package dev.ferrite.cert.bundle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrite.cert.bundle.*}.
 *
 * @param autoRotateBefore when set, an issued bundle is rotated by the expiry check once its
 *                         certificate expires within this; null (the default) leaves rotation to
 *                         the operator
 */
@ConfigurationProperties("ferrite.cert.bundle")
public record BundleProperties(Duration autoRotateBefore) {

    public BundleProperties {
        if (autoRotateBefore != null && (autoRotateBefore.isNegative() || autoRotateBefore.isZero())) {
            throw new IllegalArgumentException("ferrite.cert.bundle.auto-rotate-before must be a positive duration,"
                    + " or unset to rotate by hand, was " + autoRotateBefore);
        }
    }
}
