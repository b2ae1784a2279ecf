package dev.ferrite.auth.apikey;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON shapes of {@code /api/v5/api_key}, as in EMQX 5. */
final class ApiKeyJson {

    private ApiKeyJson() {
    }

    @Schema(name = "ApiKeyCreation")
    record CreateRequest(
            @NotNull @Size(min = 1, max = 256)
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]*", message = "must start with a letter and hold only letters, digits, '_' and '-'")
            String name,
            @Size(max = 1024) String desc,
            Boolean enable,
            @JsonProperty("expired_at") @Schema(example = "infinity") String expiredAt,
            @Schema(allowableValues = {"administrator", "viewer", "publisher"}) String role) {
    }

    /** Absent fields keep their value. */
    @Schema(name = "ApiKeyChange")
    record UpdateRequest(
            @Size(max = 1024) String desc,
            Boolean enable,
            @JsonProperty("expired_at") String expiredAt,
            @Schema(allowableValues = {"administrator", "viewer", "publisher"}) String role) {
    }

    @Schema(name = "ApiKey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(
            String name,
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("api_secret") @Schema(description = "Only in the answer to the POST that created the key")
            String apiSecret,
            String desc,
            boolean enable,
            @JsonProperty("expired_at") String expiredAt,
            @JsonProperty("created_at") String createdAt,
            boolean expired,
            String role) {

        static View of(ApiKey key, Instant now) {
            return withSecret(key, now, null);
        }

        static View withSecret(ApiKey key, Instant now, String secret) {
            return new View(key.name(), key.apiKey(), secret, key.description(), key.enabled(),
                    ExpiredAt.format(key.expiresAt()), key.createdAt().toString(), key.isExpiredAt(now),
                    key.role().wireName());
        }
    }
}
