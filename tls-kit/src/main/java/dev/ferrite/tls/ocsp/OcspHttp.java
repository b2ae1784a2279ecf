package dev.ferrite.tls.ocsp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** POSTs an OCSP request (RFC 6960 A.1) and reads the response, within a timeout. */
final class OcspHttp {

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    OcspHttp(Duration timeout, int maxBytes) {
        // HTTP/1.1: responders are small servers that an h2c upgrade attempt only confuses.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    byte[] post(URI responder, byte[] request) throws OcspException {
        HttpRequest post = HttpRequest.newBuilder(responder).timeout(timeout)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(post, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new OcspException("HTTP " + response.statusCode() + " from OCSP responder " + responder);
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new OcspException("OCSP responder " + responder + " sent more than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (HttpTimeoutException e) {
            throw new OcspException("no answer from OCSP responder " + responder + " within " + timeout.toMillis() + " ms",
                    e);
        } catch (IOException e) {
            throw new OcspException("cannot reach OCSP responder " + responder + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcspException("interrupted while asking OCSP responder " + responder, e);
        }
    }
}
