package dev.ferrite.cert.ocsp;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.issue.CertificateIssuer;
import dev.ferrite.cert.issue.RevocationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one delegated OCSP signer per CA: a new key at every start, never stored, and a new
 * certificate from the CA's intermediate before the current one runs out.
 */
@Component
public class OcspSigners {

    private static final Logger log = LoggerFactory.getLogger(OcspSigners.class);

    private final CaRegistry cas;
    private final CertificateIssuer issuer;
    private final OcspProperties properties;
    private final Clock clock;
    private final Map<String, OcspSigner> current = new ConcurrentHashMap<>();

    public OcspSigners(CaRegistry cas, CertificateIssuer issuer, OcspProperties properties, Clock clock) {
        this.cas = cas;
        this.issuer = issuer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The CA's signer, issued on the spot when the CA has none yet, or when its signer has expired
     * because the scheduled renewal did not come (a suspended machine).
     */
    public OcspSigner signerFor(CertificateAuthority ca) {
        OcspSigner signer = current.get(ca.name());
        if (signer == null || (!clock.instant().isBefore(signer.notAfter()) && successorOutlives(signer, ca))) {
            return renew(ca, signer);
        }
        return signer;
    }

    /** Gives every CA whose signer is missing or due a new one; run on a schedule. */
    public void renewDue() {
        Instant now = clock.instant();
        for (CertificateAuthority ca : cas.all()) {
            OcspSigner signer = current.get(ca.name());
            if (signer == null || isDue(signer, ca, now)) {
                renew(ca, signer);
            }
        }
    }

    /**
     * A revoked signer is dropped at once (relying parties would not notice its revocation: it
     * carries ocsp-nocheck); the next answer gets a new one. Not issued here: after the commit of
     * the revocation, a database write would join the finished transaction and never be committed.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(1)
    void onRevocationChanged(RevocationChanged change) {
        OcspSigner signer = current.get(change.ca());
        if (signer != null && signer.serial().equals(change.serial()) && current.remove(change.ca(), signer)) {
            log.warn("The OCSP signer {} of CA '{}' was revoked; a new one will be issued", signer.serial(), change.ca());
        }
    }

    /** Less than a third of its lifetime left, and a successor would last longer. */
    private boolean isDue(OcspSigner signer, CertificateAuthority ca, Instant now) {
        return signer.notAfter().minus(properties.signerRenewalMargin()).isBefore(now) && successorOutlives(signer, ca);
    }

    /** False once the signer already ends with its CA, so that a CA near its end does not get a signer per check. */
    private static boolean successorOutlives(OcspSigner signer, CertificateAuthority ca) {
        return signer.notAfter().isBefore(ca.issuer().getNotAfter().toInstant());
    }

    private synchronized OcspSigner renew(CertificateAuthority ca, OcspSigner replaced) {
        OcspSigner latest = current.get(ca.name());
        if (latest != replaced) {
            return latest;
        }
        KeyPair keys = ca.keyType().generate();
        CertificateIssuer.Issued issued = issuer.issueOcspSigner(ca, keys.getPublic(), properties.signerValidity());
        OcspSigner signer = OcspSigner.of(ca.name(), issued.x509(), keys.getPrivate(), ca.keyType());
        current.put(ca.name(), signer);
        log.info("CA '{}' signs OCSP responses with a new signer: certificate {} valid until {}", ca.name(),
                signer.serial(), signer.notAfter());
        return signer;
    }
}
