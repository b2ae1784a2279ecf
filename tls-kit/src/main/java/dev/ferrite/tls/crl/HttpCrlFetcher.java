package dev.ferrite.tls.crl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/** GETs CRLs over HTTP and HTTPS, conditionally when it has validators from the last fetch. */
final class HttpCrlFetcher {

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    HttpCrlFetcher(Duration timeout, long maxBytes, SSLContext httpsContext) {
        // HTTP/1.1: distribution points are small servers that an h2c upgrade attempt only confuses.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (httpsContext != null) {
            builder.sslContext(httpsContext);
        }
        this.client = builder.build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /**
     * @param etag from the last good fetch, or null
     * @param lastModified from the last good fetch, or null
     */
    CrlDownload fetch(URI url, String etag, String lastModified) throws CrlFetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("Accept", "application/pkix-crl, application/x-pkcs7-crl, */*");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String newEtag = response.headers().firstValue("ETag").orElse(etag);
                String newLastModified = response.headers().firstValue("Last-Modified").orElse(lastModified);
                if (response.statusCode() == 304) {
                    return CrlDownload.notModified(newEtag, newLastModified);
                }
                if (response.statusCode() != 200) {
                    throw new CrlFetchException("HTTP " + response.statusCode() + " from " + url);
                }
                return new CrlDownload(readAtMost(body, url), newEtag, newLastModified);
            }
        } catch (HttpTimeoutException e) {
            throw new CrlFetchException("no answer from " + url + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new CrlFetchException("cannot fetch " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrlFetchException("interrupted while fetching " + url, e);
        }
    }

    private byte[] readAtMost(InputStream body, URI url) throws IOException, CrlFetchException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new CrlFetchException(url + " sent more than " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
