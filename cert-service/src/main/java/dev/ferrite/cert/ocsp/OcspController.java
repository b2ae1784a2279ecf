package dev.ferrite.cert.ocsp;

import java.io.IOException;
import java.util.Base64;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OCSP over HTTP (RFC 6960 appendix A.1): a POST of the DER request, or a GET with the request
 * in base64 as the last part of the path.
 *
 * <p>Every OCSP answer, errors included, is sent with 200: malformedRequest and unauthorized are
 * OCSP responses in their own right, and relying parties such as openssl and the JDK read the
 * body only of a 200. A request over the size limit is the exception: refused with 413 before it
 * is read, still with a malformedRequest body.
 */
@RestController
@Tag(name = "OCSP")
public class OcspController {

    static final String OCSP_REQUEST = "application/ocsp-request";
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");

    private final OcspResponder responder;
    private final OcspProperties properties;

    public OcspController(OcspResponder responder, OcspProperties properties) {
        this.responder = responder;
        this.properties = properties;
    }

    @PostMapping(path = "/ocsp/{ca}", consumes = OCSP_REQUEST)
    @Operation(summary = "OCSP request of the CA's certificates, DER in the body")
    public ResponseEntity<byte[]> post(@PathVariable String ca, HttpServletRequest request) throws IOException {
        int limit = properties.maxRequestBytes();
        if (request.getContentLengthLong() > limit) {
            return tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            return tooLarge();
        }
        return ok(responder.respond(ca, body));
    }

    /** The path variable arrives percent-decoded; a '+' in a path is a plus, never a space. */
    @GetMapping("/ocsp/{ca}/{*request}")
    @Operation(summary = "OCSP request of the CA's certificates, URL-encoded base64 of the DER in the path")
    public ResponseEntity<byte[]> get(@PathVariable String ca, @PathVariable("request") String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.startsWith("/") ? base64.substring(1) : base64);
        } catch (IllegalArgumentException e) {
            der = new byte[0];
        }
        return ok(responder.respond(ca, der));
    }

    private static ResponseEntity<byte[]> ok(byte[] response) {
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(response);
    }

    private ResponseEntity<byte[]> tooLarge() {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(OCSP_RESPONSE)
                .body(responder.refuseTooLarge());
    }
}
