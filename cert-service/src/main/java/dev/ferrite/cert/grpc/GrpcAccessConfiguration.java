package dev.ferrite.cert.grpc;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * Who may call the gRPC server: anyone on this host when it binds to loopback, otherwise only
 * holders of the internal token. A server that would hand bundle keys to the network without a
 * token does not start.
 */
@Configuration(proxyBeanMethods = false)
class GrpcAccessConfiguration {

    @Bean
    @GlobalServerInterceptor
    ServerInterceptor internalTokenInterceptor(CertGrpcProperties properties,
            @Value("${spring.grpc.server.address:}") String address, @Value("${spring.grpc.server.host:*}") String host) {
        if (properties.requiresToken()) {
            return new InternalTokenInterceptor(properties.internalToken());
        }
        String bindHost = address.isBlank() ? host : hostOf(address);
        if (!isLoopback(bindHost)) {
            throw new IllegalStateException("cert-service's gRPC server would bind to '" + bindHost
                    + "' without ferrite.cert.grpc.internal-token; WatchBundles hands out private keys, so set the token"
                    + " or bind spring.grpc.server.host to 127.0.0.1");
        }
        return new PassThrough();
    }

    private static String hostOf(String address) {
        String withoutScheme = address.contains("://") ? address.substring(address.indexOf("://") + 3) : address;
        int colon = withoutScheme.lastIndexOf(':');
        String host = colon > 0 ? withoutScheme.substring(0, colon) : withoutScheme;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isLoopback(String host) {
        if (host.isBlank() || "*".equals(host)) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Loopback without a token: every local caller is trusted, as with auth-service's port. */
    private static final class PassThrough implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            return next.startCall(call, headers);
        }
    }
}
