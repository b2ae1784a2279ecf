package dev.ferrite.tls.ocsp;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ferrite.tls.RevocationAnswer;

/**
 * Asks OCSP responders about certificates and keeps each verified response until its nextUpdate.
 * Failures are not cached: the next question asks again.
 */
public final class OcspClient {

    private record Key(byte[] issuerKey, BigInteger serial) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && serial.equals(that.serial) && Arrays.equals(issuerKey, that.issuerKey);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(issuerKey) + serial.hashCode();
        }
    }

    private final OcspSettings settings;
    private final Clock clock;
    private final OcspHttp http;
    private final OcspResponseVerifier verifier;
    /** Least recently used first; guarded by itself. */
    private final Map<Key, VerifiedOcspResponse> cache = new LinkedHashMap<>(16, 0.75f, true);

    public OcspClient(OcspSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = new OcspHttp(settings.httpTimeout(), settings.maxResponseBytes());
        this.verifier = new OcspResponseVerifier(settings);
    }

    /**
     * GOOD or REVOKED as a verified response says (from the cache while it is valid), UNKNOWN
     * when the responder says so or no verified response can be had.
     *
     * @param issuer the certificate that signed {@code certificate} (from the verified chain)
     */
    public RevocationAnswer check(X509Certificate certificate, X509Certificate issuer) {
        Key key = new Key(issuer.getPublicKey().getEncoded(), certificate.getSerialNumber());
        Instant now = clock.instant();
        VerifiedOcspResponse cached = cached(key, now);
        String source = "OCSP response cached until ";
        if (cached == null) {
            try {
                cached = fetch(certificate, issuer);
            } catch (OcspException e) {
                return RevocationAnswer.unknown(e.getMessage());
            }
            synchronized (cache) {
                cache.put(key, cached);
                while (cache.size() > settings.cacheCapacity()) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
            source = "OCSP response from " + cached.signer() + ", valid until ";
        }
        return new RevocationAnswer(cached.status(), switch (cached.status()) {
            case GOOD -> "good: " + source + cached.validUntil();
            case REVOKED -> "revoked at " + cached.revokedAt() + ": " + source + cached.validUntil();
            case UNKNOWN -> "the OCSP responder does not know the certificate: " + source + cached.validUntil();
        });
    }

    /** Asks the responder now, bypassing the cache; for stapling, where the response itself is wanted. */
    public VerifiedOcspResponse fetch(X509Certificate certificate, X509Certificate issuer) throws OcspException {
        URI responder = settings.responderUrl() != null ? settings.responderUrl()
                : ResponderUrls.of(certificate).orElseThrow(() -> new OcspException(
                        "the certificate names no OCSP responder and none is configured"));
        OcspRequest request = OcspRequest.of(certificate, issuer, settings.sendNonce());
        byte[] response = http.post(responder, request.der());
        return verifier.verify(response, certificate, issuer, request.nonce(), clock.instant());
    }

    public OcspResponseVerifier verifier() {
        return verifier;
    }

    private VerifiedOcspResponse cached(Key key, Instant now) {
        synchronized (cache) {
            VerifiedOcspResponse response = cache.get(key);
            if (response != null && !response.isValidAt(now)) {
                cache.remove(key);
                return null;
            }
            return response;
        }
    }

    /** How many responses are cached now. */
    public int cachedResponses() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
