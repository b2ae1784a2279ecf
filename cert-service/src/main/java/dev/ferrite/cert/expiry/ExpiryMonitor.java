package dev.ferrite.cert.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ferrite.cert.alarm.Alarms;
import dev.ferrite.cert.bundle.Bundle;
import dev.ferrite.cert.bundle.BundleAutoRotation;
import dev.ferrite.cert.bundle.BundleChanged;
import dev.ferrite.cert.bundle.BundleSource;
import dev.ferrite.cert.bundle.Bundles;
import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.ca.CertificateSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches the expiry of bundles and CAs: keeps the expiry gauges current, raises an alarm for
 * each certificate that expires within {@code ferrite.cert.expiry-warning} and ends it once the
 * certificate is replaced, and (when configured) rotates issued bundles before they expire.
 */
@Component
public class ExpiryMonitor {

    static final String BUNDLE_ALARM = "bundle_expiring/";
    static final String CA_ALARM = "ca_expiring/";
    private static final Logger log = LoggerFactory.getLogger(ExpiryMonitor.class);

    private final Bundles bundles;
    private final BundleAutoRotation autoRotation;
    private final CaRegistry cas;
    private final Alarms alarms;
    private final ExpiryGauges gauges;
    private final ExpiryProperties properties;
    private final Clock clock;

    ExpiryMonitor(Bundles bundles, BundleAutoRotation autoRotation, CaRegistry cas, Alarms alarms, ExpiryGauges gauges,
            ExpiryProperties properties, Clock clock) {
        this.bundles = bundles;
        this.autoRotation = autoRotation;
        this.cas = cas;
        this.alarms = alarms;
        this.gauges = gauges;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks every bundle and CA now; the schedule calls it, and tests may. */
    public synchronized void check() {
        autoRotation.rotateDue();
        bundles.releaseExpiredPrevious();
        List<Bundle> all = bundles.all();
        Instant now = clock.instant();
        all.forEach(bundle -> judge(bundle, now));
        Set<String> names = all.stream().map(Bundle::name).collect(Collectors.toSet());
        // Bundles deleted elsewhere (by another replica) end their alarms here.
        alarms.activeNames(BUNDLE_ALARM).stream()
                .filter(alarm -> !names.contains(alarm.substring(BUNDLE_ALARM.length())))
                .forEach(alarms::deactivate);
        cas.all().forEach(ca -> judge(ca, now));
        showGauges(all);
    }

    /**
     * Runs on the thread that changed the bundle, inside the bundles' lock; it must not wait for
     * {@link #check}, which takes that lock itself. A failure here must not fail the change,
     * which is already stored: the next check catches up.
     */
    @EventListener
    void on(BundleChanged change) {
        try {
            switch (change.type()) {
                case DELETED -> alarms.deactivate(BUNDLE_ALARM + change.name());
                case UPDATED, ROTATED -> judge(change.bundle(), clock.instant());
                case PREVIOUS_RELEASED -> {
                    return;
                }
            }
            showGauges(bundles.all());
        } catch (RuntimeException e) {
            log.warn("Expiry of bundle '{}' not judged after its change; the next check will: {}", change.name(), e.toString());
        }
    }

    private void judge(Bundle bundle, Instant now) {
        Instant notAfter = bundle.current().notAfter();
        String name = BUNDLE_ALARM + bundle.name();
        if (notAfter.isAfter(now.plus(properties.expiryWarning()))) {
            alarms.deactivate(name);
            return;
        }
        String remedy = bundle.source() == BundleSource.ISSUED
                ? "rotate it with POST /api/v5/bundles/" + bundle.name() + "/rotate"
                : "upload its successor with PUT /api/v5/bundles/" + bundle.name();
        alarms.activate(name, "The certificate of bundle '" + bundle.name() + "' (serial " + bundle.current().serial()
                + ") is valid only until " + notAfter + "; " + remedy,
                details("bundle", bundle.name(), bundle.current().serial(), notAfter));
    }

    private void judge(CertificateAuthority ca, Instant now) {
        Instant notAfter = ca.issuer().getNotAfter().toInstant();
        String name = CA_ALARM + ca.name();
        if (notAfter.isAfter(now.plus(properties.expiryWarning()))) {
            alarms.deactivate(name);
            return;
        }
        String serial = CertificateSigner.serialHex(ca.issuer());
        alarms.activate(name, "The issuing certificate of CA '" + ca.name() + "' (serial " + serial
                + ") is valid only until " + notAfter + "; certificates it issues cannot outlive it",
                details("ca", ca.name(), serial, notAfter));
    }

    private static Map<String, String> details(String kind, String name, String serial, Instant notAfter) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(kind, name);
        details.put("serial", serial);
        details.put("not_after", notAfter.toString());
        return details;
    }

    private void showGauges(List<Bundle> all) {
        Map<String, Instant> bundleExpiry = new LinkedHashMap<>();
        all.forEach(bundle -> bundleExpiry.put(bundle.name(), bundle.current().notAfter()));
        Map<String, Instant> caExpiry = new LinkedHashMap<>();
        cas.all().forEach(ca -> caExpiry.put(ca.name(), ca.issuer().getNotAfter().toInstant()));
        gauges.show(bundleExpiry, caExpiry);
    }
}
