package dev.ferrite.tls.stapling;

import java.security.cert.X509Certificate;
import java.util.function.Function;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;

import dev.ferrite.tls.reload.CertificateSelectionListener;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * OCSP stapling with Netty's OpenSSL engine (BoringSSL from netty-tcnative): the JDK's engine
 * cannot be handed a response, so stapling needs this one.
 */
public final class NettyOcspStapling {

    private NettyOcspStapling() {
    }

    /** Whether the native library loaded and supports stapling on this machine. */
    public static boolean isSupported() {
        return OpenSsl.isAvailable() && OpenSsl.isOcspSupported();
    }

    /** A server context builder on the OpenSSL engine with stapling enabled. */
    public static SslContextBuilder serverContext(KeyManager keyManager) {
        return SslContextBuilder.forServer(keyManager).sslProvider(SslProvider.OPENSSL).enableOcsp(true);
    }

    /**
     * Hands {@code response} to a new engine before its handshake: for a listener with one
     * certificate. Does nothing when there is no response or the engine is not OpenSSL's.
     */
    public static void staple(SSLEngine engine, byte[] response) {
        if (response != null && engine instanceof ReferenceCountedOpenSslEngine openSsl) {
            openSsl.setOcspResponse(response);
        }
    }

    /**
     * For a key manager with several certificates: staples the response of the certificate that
     * the handshake chose, at the moment it is chosen (BoringSSL's certificate callback).
     *
     * @param responses the DER response to staple for a leaf certificate, or null
     */
    public static CertificateSelectionListener stapleChosen(Function<X509Certificate, byte[]> responses) {
        return (engine, key) -> staple(engine, responses.apply(key.leaf()));
    }
}
