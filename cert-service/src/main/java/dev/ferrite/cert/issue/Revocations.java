package dev.ferrite.cert.issue;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Revoking and reinstating issued certificates; the CRL and OCSP follow through {@link RevocationChanged}. */
@Service
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);

    private final IssuedCertificateRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Revocations(IssuedCertificateRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    public IssuedCertificate find(String serial) {
        return repository.findBySerial(normalise(serial)).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No certificate with serial " + serial));
    }

    /**
     * Idempotent: revoking a revoked certificate changes nothing, except that a certificate on
     * hold may be revoked for good with another reason.
     */
    @Transactional
    public IssuedCertificate revoke(String serial, RevocationReason reason) {
        IssuedCertificate current = find(serial);
        if (current.isRevoked()
                && (current.revocationReason() != RevocationReason.CERTIFICATE_HOLD || reason == RevocationReason.CERTIFICATE_HOLD)) {
            return current;
        }
        IssuedCertificate revoked = current.revoked(current.isRevoked() ? current.revokedAt() : clock.instant().truncatedTo(ChronoUnit.SECONDS), reason);
        repository.updateRevocation(revoked);
        log.info("Revoked certificate {} (CN={}) of CA '{}': {}", revoked.serial(), revoked.commonName(), revoked.ca(),
                reason.rfcName());
        events.publishEvent(new RevocationChanged(revoked.ca(), revoked.serial()));
        return revoked;
    }

    /** Lifts a {@code certificateHold}; other revocations are final. */
    @Transactional
    public IssuedCertificate unrevoke(String serial) {
        IssuedCertificate current = find(serial);
        if (!current.isRevoked()) {
            return current;
        }
        if (current.revocationReason() != RevocationReason.CERTIFICATE_HOLD) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Certificate " + current.serial() + " was revoked for "
                    + current.revocationReason().rfcName() + "; only certificateHold can be lifted");
        }
        IssuedCertificate reinstated = current.reinstated();
        repository.updateRevocation(reinstated);
        log.info("Lifted the hold on certificate {} (CN={}) of CA '{}'", reinstated.serial(), reinstated.commonName(),
                reinstated.ca());
        events.publishEvent(new RevocationChanged(reinstated.ca(), reinstated.serial()));
        return reinstated;
    }

    /** Serials are matched in lowercase hex without leading zeros or colons. */
    static String normalise(String serial) {
        String hex = serial.replace(":", "").toLowerCase(java.util.Locale.ROOT);
        return hex.replaceFirst("^0+(?=.)", "");
    }
}
