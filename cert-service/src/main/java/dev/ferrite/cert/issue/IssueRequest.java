package dev.ferrite.cert.issue;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v5/certs}. */
public record IssueRequest(
        @Schema(description = "CA to issue from", example = "default") String ca,
        @Schema(description = "Subject CN; taken from the CSR when absent", example = "sensor-0042") String commonName,
        @Schema(description = "DNS:name, IP:address, URI:uri, email:address, or a bare IP or DNS name") List<String> sans,
        @Schema(allowableValues = {"device", "server", "ocsp-signing"}) String profile,
        @Schema(description = "Days from now; default per profile: device 365, server 90, ocsp-signing 30") Integer validityDays,
        @Schema(description = "PKCS#10 request; without it the service generates the key pair and returns it once") String csrPem,
        @Schema(description = "Key of a generated pair", allowableValues = {"ec-p256", "ec-p384", "rsa-2048", "rsa-3072", "rsa-4096"})
        String keyType) {
}
