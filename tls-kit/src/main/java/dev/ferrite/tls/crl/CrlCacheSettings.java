package dev.ferrite.tls.crl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

/**
 * How a {@link CrlCache} behaves. EMQX's names in brackets.
 *
 * @param capacity CRLs found through distribution points that are kept at once; the least
 *        recently used goes first; configured ones do not count ({@code crl_cache_capacity}, 100)
 * @param refreshInterval how often each CRL is fetched again ({@code crl_cache_refresh_interval}, 15 min)
 * @param httpTimeout connect and response timeout of one fetch ({@code crl_cache_http_timeout}, 15 s)
 * @param gracePeriod how long past its nextUpdate a CRL is still used while no newer one can be had (1 h)
 * @param retryAfterFailure how soon a failed fetch is tried again, if sooner than the refresh (1 min)
 * @param clockSkew how far in the future a CRL's thisUpdate may lie (5 min)
 * @param maxCrlBytes a larger download is refused (32 MiB)
 * @param urls CRLs fetched before first use, whatever the certificates name
 * @param files CRL files (DER or PEM) read before first use and whenever they change
 * @param httpsContext for distribution points over HTTPS; null for the JVM's default trust
 */
public record CrlCacheSettings(int capacity, Duration refreshInterval, Duration httpTimeout, Duration gracePeriod,
        Duration retryAfterFailure, Duration clockSkew, long maxCrlBytes, List<URI> urls, List<Path> files,
        SSLContext httpsContext) {

    public CrlCacheSettings {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        requirePositive("refreshInterval", refreshInterval);
        requirePositive("httpTimeout", httpTimeout);
        requirePositive("retryAfterFailure", retryAfterFailure);
        if (gracePeriod.isNegative() || clockSkew.isNegative()) {
            throw new IllegalArgumentException("gracePeriod and clockSkew cannot be negative");
        }
        for (URI url : urls) {
            if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
                throw new IllegalArgumentException("CRL URL " + url + " is neither http nor https");
            }
        }
        urls = List.copyOf(urls);
        files = List.copyOf(files);
    }

    public static CrlCacheSettings defaults() {
        return new CrlCacheSettings(100, Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofMinutes(5), 32L * 1024 * 1024, List.of(), List.of(), null);
    }

    public CrlCacheSettings withCapacity(int value) {
        return new CrlCacheSettings(value, refreshInterval, httpTimeout, gracePeriod, retryAfterFailure, clockSkew,
                maxCrlBytes, urls, files, httpsContext);
    }

    public CrlCacheSettings withRefreshInterval(Duration value) {
        return new CrlCacheSettings(capacity, value, httpTimeout, gracePeriod, retryAfterFailure, clockSkew,
                maxCrlBytes, urls, files, httpsContext);
    }

    public CrlCacheSettings withHttpTimeout(Duration value) {
        return new CrlCacheSettings(capacity, refreshInterval, value, gracePeriod, retryAfterFailure, clockSkew,
                maxCrlBytes, urls, files, httpsContext);
    }

    public CrlCacheSettings withGracePeriod(Duration value) {
        return new CrlCacheSettings(capacity, refreshInterval, httpTimeout, value, retryAfterFailure, clockSkew,
                maxCrlBytes, urls, files, httpsContext);
    }

    public CrlCacheSettings withUrls(List<URI> value) {
        return new CrlCacheSettings(capacity, refreshInterval, httpTimeout, gracePeriod, retryAfterFailure, clockSkew,
                maxCrlBytes, value, files, httpsContext);
    }

    public CrlCacheSettings withFiles(List<Path> value) {
        return new CrlCacheSettings(capacity, refreshInterval, httpTimeout, gracePeriod, retryAfterFailure, clockSkew,
                maxCrlBytes, urls, value, httpsContext);
    }

    public CrlCacheSettings withHttpsContext(SSLContext value) {
        return new CrlCacheSettings(capacity, refreshInterval, httpTimeout, gracePeriod, retryAfterFailure, clockSkew,
                maxCrlBytes, urls, files, value);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
