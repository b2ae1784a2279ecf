package dev.ferrite.cert.bundle;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v5/bundles}: named certificate chains with their keys, for listeners and
 * connectors. No response ever holds a private key; consumers get keys over WatchBundles.
 */
@RestController
@RequestMapping(path = "/api/v5/bundles", produces = "application/json")
@Tag(name = "Certificate bundles")
public class BundleController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BundleSummary(String name, String source, String ca, long version, String subject, List<String> sans,
            String serial, Instant notAfter, PreviousView previous, Instant updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BundleDetail(String name, String source, String ca, long version, String subject, List<String> sans,
            String serial, Instant notAfter, PreviousView previous, Instant updatedAt, String chainPem, String caPem,
            IssueParameters issue) {
    }

    /** The version kept during a rotation until the consumers confirm the current one. */
    public record PreviousView(long version, String serial, Instant notAfter) {
    }

    public record UploadRequest(String chainPem, String keyPem, String caPem) {
    }

    private final Bundles bundles;

    public BundleController(Bundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping
    @Operation(summary = "List the bundles (never their keys)")
    public List<BundleSummary> list() {
        return bundles.all().stream().map(BundleController::summary).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One bundle with its chain and trust CAs (never its key)")
    public BundleDetail get(@PathVariable String name) {
        return detail(bundles.get(name));
    }

    @PutMapping(path = "/{name}", consumes = "application/json")
    @Operation(summary = "Upload a chain (certificate first), its key and optional trust CAs; creates or replaces the bundle")
    public ResponseEntity<BundleDetail> upload(@PathVariable String name, @RequestBody UploadRequest request) {
        return stored(bundles.upload(name, request.chainPem(), request.keyPem(), request.caPem()));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a bundle; watchers are told")
    public void delete(@PathVariable String name) {
        bundles.delete(name);
    }

    @PostMapping(path = "/{name}/issue", consumes = "application/json")
    @Operation(summary = "Issue a certificate with a generated key from an internal CA into the bundle; creates or replaces it")
    public ResponseEntity<BundleDetail> issue(@PathVariable String name, @RequestBody BundleIssueRequest request) {
        return stored(bundles.issue(name, request));
    }

    @PostMapping("/{name}/rotate")
    @Operation(summary = "Issue a fresh certificate and key with the bundle's own parameters; the old version stays as"
            + " previous until confirm. 409 for an uploaded bundle")
    public BundleDetail rotate(@PathVariable String name) {
        return detail(bundles.rotate(name));
    }

    @PostMapping("/{name}/confirm")
    @Operation(summary = "The consumers run the current version: release the previous one")
    public BundleDetail confirm(@PathVariable String name) {
        return detail(bundles.confirm(name));
    }

    private static ResponseEntity<BundleDetail> stored(Bundles.Stored stored) {
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK).body(detail(stored.bundle()));
    }

    private static BundleSummary summary(Bundle bundle) {
        X509Certificate certificate = bundle.current().certificate();
        return new BundleSummary(bundle.name(), bundle.source().wireName(), issuingCa(bundle), bundle.current().version(),
                certificate.getSubjectX500Principal().getName(), sans(certificate), bundle.current().serial(),
                bundle.current().notAfter(), previous(bundle), bundle.updatedAt());
    }

    private static BundleDetail detail(Bundle bundle) {
        BundleSummary summary = summary(bundle);
        return new BundleDetail(summary.name(), summary.source(), summary.ca(), summary.version(), summary.subject(),
                summary.sans(), summary.serial(), summary.notAfter(), summary.previous(), summary.updatedAt(),
                bundle.current().chainPem(), bundle.current().caPem(), bundle.issue());
    }

    private static String issuingCa(Bundle bundle) {
        return bundle.issue() == null ? null : bundle.issue().ca();
    }

    private static PreviousView previous(Bundle bundle) {
        BundleVersion previous = bundle.previous();
        return previous == null ? null : new PreviousView(previous.version(), previous.serial(), previous.notAfter());
    }

    /** In the form the issue request takes them: {@code DNS:host}, {@code IP:address}, ... */
    static List<String> sans(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        List<String> sans = new ArrayList<>();
        if (names != null) {
            for (List<?> name : names) {
                String prefix = switch ((Integer) name.get(0)) {
                    case 1 -> "email:";
                    case 2 -> "DNS:";
                    case 6 -> "URI:";
                    case 7 -> "IP:";
                    default -> null;
                };
                if (prefix != null) {
                    sans.add(prefix + name.get(1));
                }
            }
        }
        return sans;
    }
}
