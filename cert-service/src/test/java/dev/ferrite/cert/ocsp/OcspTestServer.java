package dev.ferrite.cert.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * cert-service on a port known before it starts, because issued certificates name their OCSP
 * URL from {@code ferrite.cert.public-url}, with its data directory in a temporary folder.
 */
final class OcspTestServer {

    private OcspTestServer() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void register(DynamicPropertyRegistry registry, int port, Path dataDir) {
        registry.add("server.port", () -> port);
        registry.add("ferrite.cert.public-url", () -> "http://127.0.0.1:" + port);
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    static String ocspUrl(int port, String ca) {
        return "http://127.0.0.1:" + port + "/ocsp/" + ca;
    }
}
