package dev.ferrite.cert.grpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/** Lets through only calls that carry the internal token as {@code authorization: Bearer <token>}. */
final class InternalTokenInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";
    /** Load balancers and probes ask for health without credentials; it tells them nothing secret. */
    private static final String HEALTH_SERVICE = "grpc.health.v1.Health";

    private final byte[] expectedDigest;

    InternalTokenInterceptor(String token) {
        this.expectedDigest = sha256(token);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (HEALTH_SERVICE.equals(call.getMethodDescriptor().getServiceName()) || carriesToken(headers.get(AUTHORIZATION))) {
            return next.startCall(call, headers);
        }
        call.close(Status.UNAUTHENTICATED.withDescription(
                "cert-service's gRPC calls need 'authorization: Bearer <ferrite.cert.grpc.internal-token>'"), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private boolean carriesToken(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        // Comparing digests of equal length keeps the time taken independent of the token's content and length.
        return MessageDigest.isEqual(expectedDigest, sha256(authorization.substring(BEARER.length())));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
