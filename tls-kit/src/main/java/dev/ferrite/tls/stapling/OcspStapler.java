package dev.ferrite.tls.stapling;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.ferrite.tls.ocsp.OcspClient;
import dev.ferrite.tls.ocsp.OcspException;
import dev.ferrite.tls.ocsp.VerifiedOcspResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCSP response to staple for one server certificate. Refreshed on an interval; a response
 * is taken only once verified, kept on disk, and served until its nextUpdate while the responder
 * is down; never after. When there is nothing valid left, {@link #staple()} returns null and the
 * listener hears of it once.
 */
public final class OcspStapler {

    private static final Logger log = LoggerFactory.getLogger(OcspStapler.class);

    private final X509Certificate certificate;
    private final X509Certificate issuer;
    private final OcspClient client;
    private final StapleStore store;
    private final Clock clock;
    private final StaplingListener listener;
    private volatile VerifiedOcspResponse current;
    private boolean reportedNothing;

    /**
     * Staples at once what the directory holds for this certificate, if it is still valid.
     *
     * @param client asks the responder (its settings give responder URL override and timeout)
     * @param directory where the last good response of each certificate is kept
     */
    public OcspStapler(X509Certificate certificate, X509Certificate issuer, OcspClient client, Path directory,
            Clock clock, StaplingListener listener) {
        this.certificate = certificate;
        this.issuer = issuer;
        this.client = client;
        this.store = new StapleStore(directory);
        this.clock = clock;
        this.listener = listener;
        this.current = fromDisk().orElse(null);
    }

    /**
     * For a certificate chain as configured: the issuer is the configured one, or else the chain's second certificate.
     *
     * @param configuredIssuer null to take it from the chain
     */
    public static OcspStapler forChain(List<X509Certificate> chain, X509Certificate configuredIssuer, OcspClient client,
            Path directory, Clock clock, StaplingListener listener) {
        X509Certificate issuer = configuredIssuer != null ? configuredIssuer : chain.size() > 1 ? chain.get(1) : null;
        if (issuer == null) {
            throw new IllegalArgumentException("The certificate " + chain.get(0).getSubjectX500Principal().getName()
                    + " comes without its issuer: add the issuer to the certificate file or configure it for OCSP stapling");
        }
        return new OcspStapler(chain.get(0), issuer, client, directory, clock, listener);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The DER OCSPResponse to staple now, or null when there is no valid one. */
    public byte[] staple() {
        VerifiedOcspResponse response = current;
        if (response != null && response.isValidAt(clock.instant())) {
            return response.der();
        }
        nothingLeft(response == null ? "no OCSP response was had yet"
                : "the last OCSP response expired at " + response.validUntil());
        return null;
    }

    /** The response stapled now, if any. */
    public Optional<VerifiedOcspResponse> current() {
        VerifiedOcspResponse response = current;
        return response != null && response.isValidAt(clock.instant()) ? Optional.of(response) : Optional.empty();
    }

    /** Asks the responder now. @return whether a new verified response is stapled from now on */
    public boolean refresh() {
        VerifiedOcspResponse fresh;
        try {
            fresh = client.fetch(certificate, issuer);
        } catch (OcspException e) {
            Optional<VerifiedOcspResponse> kept = current();
            log.warn("OCSP staple refresh for {} failed: {}; {}", subject(), e.getMessage(),
                    kept.map(response -> "stapling the cached response until " + response.validUntil())
                            .orElse("nothing to staple"));
            listener.refreshFailed(certificate, e.getMessage(), kept.map(VerifiedOcspResponse::validUntil).orElse(null));
            if (kept.isEmpty()) {
                nothingLeft(e.getMessage());
            }
            return false;
        }
        current = fresh;
        synchronized (this) {
            reportedNothing = false;
        }
        try {
            store.write(certificate, fresh.der());
        } catch (IOException e) {
            log.warn("Cannot keep the OCSP response of {} in {}: {}", subject(), store.fileOf(certificate), e.getMessage());
        }
        listener.refreshed(certificate, fresh);
        return true;
    }

    /** Refreshes now and then every {@code interval} (5 minutes by default) until the future is cancelled. */
    public ScheduledFuture<?> refreshEvery(Duration interval, ScheduledExecutorService scheduler) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.error("Cannot refresh the OCSP staple of {}", subject(), e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Optional<VerifiedOcspResponse> fromDisk() {
        try {
            Optional<byte[]> saved = store.read(certificate);
            if (saved.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(client.verifier().verify(saved.get(), certificate, issuer, null, clock.instant()));
        } catch (IOException | OcspException e) {
            log.info("Not stapling the saved OCSP response of {}: {}", subject(), e.getMessage());
            return Optional.empty();
        }
    }

    private void nothingLeft(String reason) {
        synchronized (this) {
            if (reportedNothing) {
                return;
            }
            reportedNothing = true;
        }
        log.warn("No OCSP response to staple for {}: {}", subject(), reason);
        listener.nothingToStaple(certificate, reason);
    }

    private String subject() {
        return certificate.getSubjectX500Principal().getName();
    }
}
