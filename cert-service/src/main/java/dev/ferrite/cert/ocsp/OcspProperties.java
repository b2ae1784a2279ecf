package dev.ferrite.cert.ocsp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ferrite.cert.ocsp.*}: the OCSP responder.
 *
 * @param responseValidity how far nextUpdate lies after thisUpdate: how long relying parties may cache an answer
 * @param cacheTtl how long a signed answer to a request without a nonce is served again before it is re-signed
 * @param cacheMaxEntries how many distinct requests' answers the cache holds
 * @param signerValidity lifetime of each delegated OCSP signing certificate
 * @param signerCheckInterval how often the signers are checked for renewal (due when less than a third of their
 *                            lifetime remains)
 * @param maxRequestSize larger requests are refused
 * @param maxCertificatesPerRequest requests asking about more certificates are refused as malformed
 */
@ConfigurationProperties("ferrite.cert.ocsp")
public record OcspProperties(
        @DefaultValue("1h") Duration responseValidity,
        @DefaultValue("5s") Duration cacheTtl,
        @DefaultValue("10000") int cacheMaxEntries,
        @DefaultValue("7d") Duration signerValidity,
        @DefaultValue("10m") Duration signerCheckInterval,
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("32") int maxCertificatesPerRequest) {

    public OcspProperties {
        requirePositive("response-validity", responseValidity);
        requirePositive("cache-ttl", cacheTtl);
        requirePositive("signer-validity", signerValidity);
        requirePositive("signer-check-interval", signerCheckInterval);
        if (cacheTtl.compareTo(responseValidity) > 0) {
            throw new IllegalArgumentException("ferrite.cert.ocsp.cache-ttl (" + cacheTtl
                    + ") must not be longer than response-validity (" + responseValidity + "): a cached answer would be served past its nextUpdate");
        }
        // A signer is renewed once less than a third of its lifetime remains; every answer it signed
        // must end before the signer does, and a check must come before that third runs out.
        Duration renewalMargin = signerValidity.dividedBy(3);
        if (responseValidity.compareTo(renewalMargin) >= 0) {
            throw new IllegalArgumentException("ferrite.cert.ocsp.response-validity (" + responseValidity
                    + ") must be shorter than a third of signer-validity (" + signerValidity + ")");
        }
        if (signerCheckInterval.compareTo(renewalMargin.minus(responseValidity)) >= 0) {
            throw new IllegalArgumentException("ferrite.cert.ocsp.signer-check-interval (" + signerCheckInterval
                    + ") must be shorter than a third of signer-validity minus response-validity ("
                    + renewalMargin.minus(responseValidity) + ")");
        }
        if (cacheMaxEntries < 1) {
            throw new IllegalArgumentException("ferrite.cert.ocsp.cache-max-entries must be at least 1, was " + cacheMaxEntries);
        }
        if (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("ferrite.cert.ocsp.max-request-size must be between 1B and 2GB, was " + maxRequestSize);
        }
        if (maxCertificatesPerRequest < 1) {
            throw new IllegalArgumentException("ferrite.cert.ocsp.max-certificates-per-request must be at least 1, was "
                    + maxCertificatesPerRequest);
        }
    }

    /** When a signer issued now should be replaced: once less than a third of its lifetime remains. */
    public Duration signerRenewalMargin() {
        return signerValidity.dividedBy(3);
    }

    public int maxRequestBytes() {
        return (int) maxRequestSize.toBytes();
    }

    private static void requirePositive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ferrite.cert.ocsp." + property + " must be a positive duration, was " + value);
        }
    }
}
