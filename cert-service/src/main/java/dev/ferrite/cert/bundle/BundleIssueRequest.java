package dev.ferrite.cert.bundle;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v5/bundles/{name}/issue}. */
public record BundleIssueRequest(
        @Schema(description = "CA to issue from", example = "default") String ca,
        @Schema(description = "Subject CN", example = "mqtt.example.com") String commonName,
        @Schema(description = "DNS:name, IP:address, URI:uri, email:address, or a bare IP or DNS name") List<String> sans,
        @Schema(allowableValues = {"server", "device", "ocsp-signing"}, defaultValue = "server") String profile,
        @Schema(description = "Days from now; default per profile: server 90, device 365, ocsp-signing 30") Integer validityDays,
        @Schema(description = "Key of the generated pair", defaultValue = "ec-p256",
                allowableValues = {"ec-p256", "ec-p384", "rsa-2048", "rsa-3072", "rsa-4096"}) String keyType) {

    static final String DEFAULT_PROFILE = "server";
    static final String DEFAULT_KEY_TYPE = "ec-p256";

    IssueParameters withDefaults() {
        return new IssueParameters(ca, commonName, sans, profile == null ? DEFAULT_PROFILE : profile, validityDays,
                keyType == null ? DEFAULT_KEY_TYPE : keyType);
    }
}
