package dev.ferrite.cert.crl;

import java.time.Clock;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRL distribution point: {@code /crl/<ca>.crl}, the URI that issued certificates name, and
 * the same CRL in PEM. Public: relying parties fetch CRLs without credentials.
 */
@RestController
@Tag(name = "CRL distribution point")
public class CrlController {

    static final MediaType PKIX_CRL = new MediaType("application", "pkix-crl");
    static final MediaType PEM_FILE = new MediaType("application", "x-pem-file");

    private final CurrentCrls crls;
    private final Clock clock;

    CrlController(CurrentCrls crls, Clock clock) {
        this.crls = crls;
        this.clock = clock;
    }

    @GetMapping("/crl/{ca}.crl")
    @Operation(summary = "The CA's current CRL in DER; conditional requests (If-None-Match, If-Modified-Since) get 304")
    public ResponseEntity<byte[]> der(@PathVariable String ca) {
        SignedCrl crl = crls.of(ca);
        return ok(crl, PKIX_CRL).body(crl.der());
    }

    @GetMapping("/crl/{ca}.pem")
    @Operation(summary = "The CA's current CRL in PEM, for people")
    public ResponseEntity<String> pem(@PathVariable String ca) {
        SignedCrl crl = crls.of(ca);
        return ok(crl, PEM_FILE).body(crl.pem());
    }

    /** Spring MVC answers 304 itself when the request's conditions match these headers. */
    private ResponseEntity.BodyBuilder ok(SignedCrl crl, MediaType type) {
        Duration untilNextUpdate = Duration.between(clock.instant(), crl.nextUpdate());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(type)
                .eTag(crl.etag())
                .cacheControl(CacheControl.maxAge(untilNextUpdate.isNegative() ? Duration.ZERO : untilNextUpdate)
                        .cachePublic());
        // Left out when an earlier CRL has the same date: If-Modified-Since would then hide this one.
        if (!crl.thisUpdateShared()) {
            response.lastModified(crl.thisUpdate());
        }
        return response;
    }
}
