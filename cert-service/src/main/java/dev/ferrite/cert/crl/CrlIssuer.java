package dev.ferrite.cert.crl;

import java.time.Instant;

import dev.ferrite.cert.CertProperties;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.issue.IssuedCertificateRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Produces a CA's next CRL: what it lists, under which number, signed. */
@Service
class CrlIssuer {

    private final IssuedCertificateRepository certificates;
    private final CrlNumberRepository numbers;
    private final CertProperties properties;

    CrlIssuer(IssuedCertificateRepository certificates, CrlNumberRepository numbers, CertProperties properties) {
        this.certificates = certificates;
        this.numbers = numbers;
        this.properties = properties;
    }

    /**
     * Runs in a transaction of its own: it is called after a revocation's transaction has
     * committed, when that transaction can no longer write.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public SignedCrl issue(CertificateAuthority ca, Instant thisUpdate, Instant nextUpdate) {
        return CrlSigner.sign(ca, numbers.next(ca.name()), thisUpdate, nextUpdate,
                certificates.findRevoked(ca.name(), thisUpdate), properties.crlUrl(ca.name()));
    }
}
