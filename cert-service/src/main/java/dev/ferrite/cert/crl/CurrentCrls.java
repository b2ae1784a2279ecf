package dev.ferrite.cert.crl;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The current CRL of each CA, held in memory so that serving one costs nothing, and re-signed
 * when revocations change or when less than half of its validity remains.
 */
@Component
class CurrentCrls {

    private static final Logger log = LoggerFactory.getLogger(CurrentCrls.class);

    private final CaRegistry cas;
    private final CrlIssuer issuer;
    private final CrlMetrics metrics;
    private final CrlProperties properties;
    private final Clock clock;
    private final Map<String, SignedCrl> current = new ConcurrentHashMap<>();
    private final Set<String> outdated = ConcurrentHashMap.newKeySet();

    CurrentCrls(CaRegistry cas, CrlIssuer issuer, CrlMetrics metrics, CrlProperties properties, Clock clock) {
        this.cas = cas;
        this.issuer = issuer;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** The CA's current CRL, signed now if it has none yet; 404 for an unknown CA. */
    SignedCrl of(String caName) {
        CertificateAuthority ca = cas.get(caName);
        SignedCrl crl = current.get(caName);
        return crl != null ? crl : signFirst(ca);
    }

    /** Re-signs the CA's CRL at once; should that fail, the next check tries again. */
    void revocationsChanged(String caName) {
        outdated.add(caName);
        cas.find(caName).ifPresent(this::resign);
    }

    /** Signs every CRL that is missing, outdated, or past half of its validity. */
    void resignDue() {
        Instant now = clock.instant();
        for (CertificateAuthority ca : cas.all()) {
            SignedCrl crl = current.get(ca.name());
            if (crl == null || outdated.contains(ca.name()) || crl.isPastHalfItsValidity(now)) {
                try {
                    resign(ca);
                } catch (RuntimeException e) {
                    log.error("Cannot sign the CRL of CA '{}'; trying again in {}", ca.name(), properties.checkInterval(), e);
                }
            }
        }
    }

    private synchronized SignedCrl signFirst(CertificateAuthority ca) {
        SignedCrl crl = current.get(ca.name());
        return crl != null ? crl : resign(ca);
    }

    private synchronized SignedCrl resign(CertificateAuthority ca) {
        outdated.remove(ca.name());
        try {
            Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            SignedCrl crl = issuer.issue(ca, thisUpdate, thisUpdate.plus(properties.validity()));
            SignedCrl previous = current.get(ca.name());
            if (previous != null && previous.thisUpdate().equals(crl.thisUpdate())) {
                crl = crl.withThisUpdateShared();
            }
            current.put(ca.name(), crl);
            metrics.signed(crl);
            log.debug("Signed {}", crl);
            return crl;
        } catch (RuntimeException e) {
            outdated.add(ca.name());
            throw e;
        }
    }
}
