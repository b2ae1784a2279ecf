package dev.ferrite.tls.crl;

import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.ferrite.tls.RevocationAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs for revocation checks: from the distribution points that certificates name (fetched on
 * first sight, kept up to {@code capacity}), and from URLs and files configured up front
 * ({@link #loadConfigured()} before first use). Each is refreshed on its own schedule; a failed
 * refresh keeps the CRL from before until its nextUpdate plus the grace period. A CRL answers for
 * a certificate only after its signature verified against the certificate's issuer.
 */
public final class CrlCache {

    private static final Logger log = LoggerFactory.getLogger(CrlCache.class);

    private final CrlCacheSettings settings;
    private final Clock clock;
    private final IssuerDirectory knownIssuers;
    private final CrlCacheListener listener;
    private final HttpCrlFetcher fetcher;
    private final List<CrlEntry> configured = new ArrayList<>();
    /** Distribution points, least recently used first; guarded by itself. */
    private final Map<String, CrlEntry> discovered = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param knownIssuers CA certificates (the trusted CAs and any intermediates configured)
     *        against which a configured CRL is verified as soon as it is fetched
     */
    public CrlCache(CrlCacheSettings settings, Clock clock, Supplier<? extends Collection<X509Certificate>> knownIssuers,
            CrlCacheListener listener) {
        this.settings = settings;
        this.clock = clock;
        this.knownIssuers = new IssuerDirectory(knownIssuers);
        this.listener = listener;
        this.fetcher = new HttpCrlFetcher(settings.httpTimeout(), settings.maxCrlBytes(), settings.httpsContext());
        settings.urls().forEach(url -> configured.add(new CrlEntry(
                new UrlCrlSource(url, CrlOrigin.CONFIGURED_URL, fetcher), settings)));
        settings.files().forEach(file -> configured.add(new CrlEntry(new FileCrlSource(file), settings)));
    }

    /** Fetches every configured URL and reads every configured file; what failed shows in the views. */
    public List<CrlSourceView> loadConfigured() {
        configured.forEach(this::refresh);
        return configured.stream().map(entry -> entry.view(clock.instant())).toList();
    }

    /**
     * Whether {@code certificate} is revoked according to the CRLs of its issuer: REVOKED when a
     * valid CRL lists it, GOOD when at least one valid CRL does not, UNKNOWN when none is valid.
     * Fetches distribution points not seen before, on the calling thread.
     *
     * @param issuer the certificate that signed {@code certificate} (from the verified chain)
     */
    public RevocationAnswer check(X509Certificate certificate, X509Certificate issuer) {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        String goodFrom = null;
        for (CrlEntry entry : candidates(certificate)) {
            CrlEntry.Usable usable = entry.usableFor(issuer, now);
            announce(usable.revoked(), entry);
            if (usable.crl() == null) {
                problems.add(usable.problem());
                continue;
            }
            if (isListed(usable.crl(), certificate)) {
                return RevocationAnswer.revoked("listed in the CRL from " + entry.name());
            }
            goodFrom = goodFrom == null ? entry.name() : goodFrom;
        }
        if (goodFrom != null) {
            return RevocationAnswer.good("not listed in the CRL from " + goodFrom);
        }
        return RevocationAnswer.unknown(problems.isEmpty()
                ? "no CRL is known for " + certificate.getIssuerX500Principal().getName()
                : String.join("; ", problems));
    }

    /** Every source, configured first, for {@code GET /api/v5/crl-cache}. */
    public List<CrlSourceView> view() {
        Instant now = clock.instant();
        List<CrlSourceView> views = new ArrayList<>();
        configured.forEach(entry -> views.add(entry.view(now)));
        discoveredEntries().forEach(entry -> views.add(entry.view(now)));
        return views;
    }

    /** Fetches every source now, whatever its schedule, for {@code POST /api/v5/crl-cache/refresh}. */
    public List<CrlSourceView> refreshNow() {
        configured.forEach(this::refresh);
        discoveredEntries().forEach(this::refresh);
        return view();
    }

    /** Fetches the sources whose time has come. */
    public void refreshDue() {
        Instant now = clock.instant();
        configured.stream().filter(entry -> entry.due(now)).forEach(this::refresh);
        discoveredEntries().stream().filter(entry -> entry.due(now)).forEach(this::refresh);
    }

    /**
     * Calls {@link #refreshDue()} every {@code tick} until the returned future is cancelled. The
     * tick only bounds how late a refresh may be; each source keeps its own schedule.
     */
    public ScheduledFuture<?> refreshEvery(Duration tick, ScheduledExecutorService scheduler) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                refreshDue();
            } catch (RuntimeException e) {
                log.error("Cannot refresh CRLs", e);
            }
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private List<CrlEntry> candidates(X509Certificate certificate) {
        List<CrlEntry> candidates = new ArrayList<>();
        for (URI url : DistributionPoints.httpUrls(certificate)) {
            CrlEntry entry = discoveredEntry(url);
            if (entry.neverFetched()) {
                refreshIfNeverFetched(entry);
            }
            candidates.add(entry);
        }
        for (CrlEntry entry : configured) {
            if (certificate.getIssuerX500Principal().equals(entry.issuer())) {
                candidates.add(entry);
            }
        }
        return candidates;
    }

    private CrlEntry discoveredEntry(URI url) {
        for (CrlEntry entry : configured) {
            if (entry.origin() == CrlOrigin.CONFIGURED_URL && entry.name().equals(url.toString())) {
                return entry;
            }
        }
        synchronized (discovered) {
            CrlEntry entry = discovered.computeIfAbsent(url.toString(),
                    ignored -> new CrlEntry(new UrlCrlSource(url, CrlOrigin.DISTRIBUTION_POINT, fetcher), settings));
            while (discovered.size() > settings.capacity()) {
                String eldest = discovered.keySet().iterator().next();
                discovered.remove(eldest);
                log.info("CRL cache full ({} distribution points): dropped {}", settings.capacity(), eldest);
            }
            return entry;
        }
    }

    /**
     * The first of many concurrent handshakes fetches; the others wait on the entry and find it
     * fetched. Listeners are told after the entry's lock is released, so that they may read the cache.
     */
    private void refreshIfNeverFetched(CrlEntry entry) {
        CrlEntry.Revoked revoked = entry.refreshIfNeverFetched(clock.instant(), knownIssuers);
        if (revoked != null) {
            refreshed(entry, revoked);
        }
    }

    private void refresh(CrlEntry entry) {
        refreshed(entry, entry.refresh(clock.instant(), knownIssuers));
    }

    private void refreshed(CrlEntry entry, CrlEntry.Revoked revoked) {
        CrlSourceView view = entry.view(clock.instant());
        if (view.lastOutcome() == FetchOutcome.FAILED) {
            log.warn("CRL refresh failed: {}", view.lastError());
        }
        listener.fetched(view);
        announce(revoked, entry);
    }

    private void announce(CrlEntry.Revoked revoked, CrlEntry entry) {
        if (revoked.any()) {
            log.info("The CRL from {} revokes {} more certificate(s) of {}", entry.name(), revoked.serials().size(),
                    revoked.issuer().getName());
            listener.revoked(revoked.issuer(), revoked.serials(), entry.name());
        }
    }

    private List<CrlEntry> discoveredEntries() {
        synchronized (discovered) {
            return List.copyOf(discovered.values());
        }
    }

    private static boolean isListed(X509CRL crl, X509Certificate certificate) {
        return crl.getRevokedCertificate(certificate.getSerialNumber()) != null;
    }
}
