package dev.ferrite.cert.crl;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.cert.crl.*}.
 *
 * @param validity how long each CRL is valid: its nextUpdate is thisUpdate plus this
 * @param checkInterval how often CRLs are checked for re-signing; each is re-signed once less
 *                      than half of its validity remains
 */
@ConfigurationProperties("ferrite.cert.crl")
public record CrlProperties(
        @DefaultValue("24h") Duration validity,
        @DefaultValue("1m") Duration checkInterval) {

    public CrlProperties {
        requirePositive("ferrite.cert.crl.validity", validity);
        requirePositive("ferrite.cert.crl.check-interval", checkInterval);
        if (checkInterval.multipliedBy(2).compareTo(validity) >= 0) {
            throw new IllegalArgumentException("ferrite.cert.crl.check-interval (" + checkInterval
                    + ") must be shorter than half of ferrite.cert.crl.validity (" + validity
                    + "), or a CRL could pass its nextUpdate before it is re-signed");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
