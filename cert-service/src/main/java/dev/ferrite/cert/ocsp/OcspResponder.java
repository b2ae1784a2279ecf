package dev.ferrite.cert.ocsp;

import java.math.BigInteger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.issue.IssuedCertificate;
import dev.ferrite.cert.issue.IssuedCertificateRepository;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The OCSP responder (RFC 6960) of every CA, independent of HTTP: DER request in, DER response
 * out. It never throws; whatever goes wrong becomes an OCSP error status.
 */
@Service
public class OcspResponder {

    private static final Logger log = LoggerFactory.getLogger(OcspResponder.class);

    private final CaRegistry cas;
    private final IssuedCertificateRepository certificates;
    private final OcspSigners signers;
    private final OcspResponseCache cache;
    private final OcspMetrics metrics;
    private final OcspProperties properties;
    private final Clock clock;
    private final Map<String, IssuerIdentity> issuers = new ConcurrentHashMap<>();

    OcspResponder(CaRegistry cas, IssuedCertificateRepository certificates, OcspSigners signers, OcspResponseCache cache,
            OcspMetrics metrics, OcspProperties properties, Clock clock) {
        this.cas = cas;
        this.certificates = certificates;
        this.signers = signers;
        this.cache = cache;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param ca the CA's name, as in {@code /ocsp/{ca}}
     * @param request the DER OCSPRequest
     * @return the DER OCSPResponse
     */
    public byte[] respond(String ca, byte[] request) {
        if (request.length > properties.maxRequestBytes()) {
            return refuseTooLarge();
        }
        Optional<CertificateAuthority> authority = cas.find(ca);
        if (authority.isEmpty()) {
            metrics.answered(OcspStatus.UNAUTHORIZED);
            return OcspResponses.unauthorized();
        }
        ParsedRequest parsed;
        try {
            parsed = ParsedRequest.parse(request, properties.maxCertificatesPerRequest());
        } catch (ParsedRequest.MalformedRequestException e) {
            log.debug("Malformed OCSP request for CA '{}': it {}", ca, e.getMessage());
            metrics.answered(OcspStatus.MALFORMED);
            return OcspResponses.malformedRequest();
        }
        try {
            OcspResponseCache.SignedAnswer answer = parsed.nonce() != null
                    ? sign(authority.get(), parsed)
                    : cached(authority.get(), parsed);
            metrics.answered(answer.statuses());
            return answer.response();
        } catch (RuntimeException e) {
            log.error("Cannot answer an OCSP request for CA '{}'", ca, e);
            metrics.answered(OcspStatus.INTERNAL_ERROR);
            return OcspResponses.internalError();
        }
    }

    /** The answer to a request larger than {@code max-request-size}: malformedRequest. */
    public byte[] refuseTooLarge() {
        metrics.answered(OcspStatus.MALFORMED);
        return OcspResponses.malformedRequest();
    }

    private OcspResponseCache.SignedAnswer cached(CertificateAuthority ca, ParsedRequest request) {
        OcspResponseCache.Key key = cache.keyFor(ca.name(), request.certIds());
        OcspResponseCache.SignedAnswer hit = cache.find(key);
        if (hit != null) {
            metrics.cacheHit();
            return hit;
        }
        metrics.cacheMiss();
        return cache.findOrSign(key, () -> sign(ca, request));
    }

    private OcspResponseCache.SignedAnswer sign(CertificateAuthority ca, ParsedRequest request) {
        IssuerIdentity issuer = issuers.computeIfAbsent(ca.name(), ignored -> new IssuerIdentity(ca.issuer()));
        List<CertificateAnswer> answers = request.ids().stream().map(id -> answer(ca, issuer, id)).toList();
        byte[] response = OcspResponses.sign(signers.signerFor(ca), answers, request.nonce(), clock.instant(),
                properties.responseValidity());
        return new OcspResponseCache.SignedAnswer(response, answers.stream().map(CertificateAnswer::status).toList());
    }

    private CertificateAnswer answer(CertificateAuthority ca, IssuerIdentity issuer, CertificateID id) {
        Optional<IssuedCertificate> issued = issuer.matches(id)
                ? certificates.findBySerial(serialHex(id.getSerialNumber())).filter(found -> found.ca().equals(ca.name()))
                : Optional.empty();
        if (issued.isEmpty()) {
            return new CertificateAnswer(id, OcspStatus.UNKNOWN, new UnknownStatus());
        }
        IssuedCertificate certificate = issued.get();
        if (certificate.isRevoked()) {
            return new CertificateAnswer(id, OcspStatus.REVOKED, new RevokedStatus(
                    Date.from(certificate.revokedAt().truncatedTo(ChronoUnit.SECONDS)), certificate.revocationReason().code()));
        }
        return new CertificateAnswer(id, OcspStatus.GOOD, null);
    }

    /** As {@link dev.ferrite.cert.ca.CertificateSigner#serialHex} writes serials into the database. */
    private static String serialHex(BigInteger serial) {
        return serial.toString(16);
    }
}
