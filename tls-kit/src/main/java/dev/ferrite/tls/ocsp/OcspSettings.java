package dev.ferrite.tls.ocsp;

import java.net.URI;
import java.time.Duration;

/**
 * How OCSP requests are made and responses judged.
 *
 * @param responderUrl asked instead of the certificate's AIA responder when set
 * @param httpTimeout connect and response timeout of one request (15 s)
 * @param clockSkew how far in the future a response's thisUpdate may lie (5 min); a response is
 *        never accepted after its nextUpdate, skew or not
 * @param validityWithoutNextUpdate how long after its thisUpdate a response without nextUpdate is used (1 h)
 * @param sendNonce whether requests carry a nonce (off: caching responders ignore it and stapled
 *        responses cannot carry one); a response that carries a nonce must echo ours
 * @param cacheCapacity responses kept at once, per client
 * @param maxResponseBytes a larger response is refused (64 KiB)
 */
public record OcspSettings(URI responderUrl, Duration httpTimeout, Duration clockSkew,
        Duration validityWithoutNextUpdate, boolean sendNonce, int cacheCapacity, int maxResponseBytes) {

    public OcspSettings {
        if (httpTimeout.isZero() || httpTimeout.isNegative()) {
            throw new IllegalArgumentException("httpTimeout must be positive, not " + httpTimeout);
        }
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException("cacheCapacity must be at least 1, not " + cacheCapacity);
        }
    }

    public static OcspSettings defaults() {
        return new OcspSettings(null, Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofHours(1), false, 10_000,
                64 * 1024);
    }

    public OcspSettings withResponderUrl(URI value) {
        return new OcspSettings(value, httpTimeout, clockSkew, validityWithoutNextUpdate, sendNonce, cacheCapacity,
                maxResponseBytes);
    }

    public OcspSettings withHttpTimeout(Duration value) {
        return new OcspSettings(responderUrl, value, clockSkew, validityWithoutNextUpdate, sendNonce, cacheCapacity,
                maxResponseBytes);
    }

    public OcspSettings withSendNonce(boolean value) {
        return new OcspSettings(responderUrl, httpTimeout, clockSkew, validityWithoutNextUpdate, value, cacheCapacity,
                maxResponseBytes);
    }
}
