package dev.ferrite.cert.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v5/certs}: issuing, listing, revoking and reinstating certificates. */
@RestController
@RequestMapping(path = "/api/v5/certs", produces = "application/json")
@Tag(name = "Certificates")
public class CertController {

    static final int MAX_LIMIT = 1000;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssuedView(String serial, String ca, String commonName, String profile, String certificatePem,
            String chainPem, String privateKeyPem, Instant notBefore, Instant notAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateView(String serial, String ca, String commonName, String profile, String status,
            Instant notBefore, Instant notAfter, Instant revokedAt, String revocationReason, String certificatePem) {
    }

    public record Page(List<CertificateView> data, Meta meta) {
        public record Meta(int page, int limit, long count) {
        }
    }

    public record RevokeRequest(String reason) {
    }

    private final CertificateIssuer issuer;
    private final Revocations revocations;
    private final IssuedCertificateRepository repository;
    private final Clock clock;

    public CertController(CertificateIssuer issuer, Revocations revocations, IssuedCertificateRepository repository,
            Clock clock) {
        this.issuer = issuer;
        this.revocations = revocations;
        this.repository = repository;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a certificate from a CSR, or with a generated key returned this once")
    public IssuedView issue(@RequestBody IssueRequest request) {
        CertificateIssuer.Issued issued = issuer.issue(request);
        IssuedCertificate certificate = issued.certificate();
        return new IssuedView(certificate.serial(), certificate.ca(), certificate.commonName(),
                certificate.profile().wireName(), certificate.certificatePem(), issued.chainPem(), issued.privateKeyPem(),
                certificate.notBefore(), certificate.notAfter());
    }

    @GetMapping
    @Operation(summary = "List certificates, newest first, filtered by CA, status, common name or coming expiry")
    public Page list(@RequestParam(required = false) String ca, @RequestParam(required = false) String status,
            @RequestParam(required = false) String commonName, @RequestParam(required = false) Integer expiringWithinDays,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int limit) {
        if (page < 1 || limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidIssueRequestException("page must be at least 1 and limit between 1 and " + MAX_LIMIT);
        }
        Instant now = clock.instant();
        IssuedCertificateRepository.Filter filter = new IssuedCertificateRepository.Filter(ca, status(status), commonName,
                expiringWithinDays == null ? null : now.plus(Duration.ofDays(expiringWithinDays)), now);
        List<CertificateView> data = repository.find(filter, (page - 1) * limit, limit).stream()
                .map(certificate -> view(certificate, now)).toList();
        return new Page(data, new Page.Meta(page, limit, repository.count(filter)));
    }

    @GetMapping("/{serial}")
    @Operation(summary = "One certificate by its serial number (hex)")
    public CertificateView get(@PathVariable String serial) {
        return view(revocations.find(serial), clock.instant());
    }

    @PostMapping("/{serial}/revoke")
    @Operation(summary = "Revoke a certificate (idempotent); the CRL and OCSP answers change at once")
    public CertificateView revoke(@PathVariable String serial, @RequestBody(required = false) RevokeRequest request) {
        String name = request == null || request.reason() == null ? "unspecified" : request.reason();
        RevocationReason reason = RevocationReason.fromRfcName(name).orElseThrow(() -> new InvalidIssueRequestException(
                "reason must be one of " + RevocationReason.rfcNames() + ", was '" + name + "'"));
        return view(revocations.revoke(serial, reason), clock.instant());
    }

    @PostMapping("/{serial}/unrevoke")
    @Operation(summary = "Lift a certificateHold")
    public CertificateView unrevoke(@PathVariable String serial) {
        return view(revocations.unrevoke(serial), clock.instant());
    }

    private static IssuedCertificate.Status status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return IssuedCertificate.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidIssueRequestException("status must be valid, revoked or expired, was '" + status + "'");
        }
    }

    private static CertificateView view(IssuedCertificate certificate, Instant now) {
        return new CertificateView(certificate.serial(), certificate.ca(), certificate.commonName(),
                certificate.profile().wireName(), certificate.statusAt(now).name().toLowerCase(Locale.ROOT),
                certificate.notBefore(), certificate.notAfter(), certificate.revokedAt(),
                certificate.revocationReason() == null ? null : certificate.revocationReason().rfcName(),
                certificate.certificatePem());
    }
}
