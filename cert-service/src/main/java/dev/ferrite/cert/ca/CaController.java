package dev.ferrite.cert.ca;

import java.time.Instant;
import java.util.List;

import dev.ferrite.cert.CertProperties;
import dev.ferrite.cert.pem.Pem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v5/cas}: the CAs, their chains for trust stores, and importing an existing CA. */
@RestController
@RequestMapping("/api/v5/cas")
@Tag(name = "Certificate authorities")
public class CaController {

    public record CaView(String name, String subject, String keyType, Instant notAfter, String crlUrl, String ocspUrl,
            Instant createdAt) {
    }

    public record CaImportRequest(String name, String chainPem, String keyPem) {
    }

    private final CaRegistry registry;
    private final CertProperties properties;

    public CaController(CaRegistry registry, CertProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "List the CAs (never their keys)")
    public List<CaView> list() {
        return registry.all().stream().map(this::view).toList();
    }

    @GetMapping(path = "/{ca}", produces = "application/json")
    @Operation(summary = "One CA")
    public CaView get(@PathVariable String ca) {
        return view(registry.get(ca));
    }

    @GetMapping(path = "/{ca}/chain", produces = "application/x-pem-file")
    @Operation(summary = "The CA's PEM chain for trust stores: issuing intermediate, then root")
    public String chain(@PathVariable String ca) {
        return Pem.encode(registry.get(ca).chain().toArray());
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import an existing CA: its PEM chain (issuing CA first, up to the root) and the issuing CA's key")
    public CaView importCa(@RequestBody CaImportRequest request) {
        return view(registry.importCa(request.name(), request.chainPem(), request.keyPem()));
    }

    private CaView view(CertificateAuthority ca) {
        return new CaView(ca.name(), ca.issuer().getSubjectX500Principal().getName(), ca.keyType().wireName(),
                ca.issuer().getNotAfter().toInstant(), properties.crlUrl(ca.name()), properties.ocspUrl(ca.name()),
                ca.createdAt());
    }
}
