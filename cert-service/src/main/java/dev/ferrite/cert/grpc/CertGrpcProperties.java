package dev.ferrite.cert.grpc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.cert.grpc.*}: who may call cert-service's gRPC server, whose WatchBundles
 * stream hands out the bundles' private keys.
 *
 * @param internalToken when set, every call but health checks must carry
 *                      {@code authorization: Bearer <token>}; when empty, the server must bind
 *                      to loopback
 */
@ConfigurationProperties("ferrite.cert.grpc")
public record CertGrpcProperties(@DefaultValue("") String internalToken) {

    static final int MIN_TOKEN_LENGTH = 16;

    public CertGrpcProperties {
        internalToken = internalToken.strip();
        if (!internalToken.isEmpty() && internalToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("ferrite.cert.grpc.internal-token must be at least " + MIN_TOKEN_LENGTH
                    + " characters (e.g. 'openssl rand -base64 32'), was " + internalToken.length());
        }
    }

    public boolean requiresToken() {
        return !internalToken.isEmpty();
    }
}
