package dev.ferrite.gateway.management;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v5/publish}, EMQX 5's.
 *
 * @param payloadEncoding {@code plain} (the default) or {@code base64}
 * @param qos 0 (the default), 1 or 2
 */
public record PublishRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "api/example/topic") String topic,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "hello") String payload,
        @JsonProperty("payload_encoding") @Schema(allowableValues = {"plain", "base64"}) String payloadEncoding,
        @Schema(allowableValues = {"0", "1", "2"}) Integer qos,
        Boolean retain,
        Properties properties) {

    /** The MQTT 5 properties the message carries to MQTT 5 subscribers. */
    public record Properties(
            @JsonProperty("payload_format_indicator") @Schema(allowableValues = {"0", "1"}) Integer payloadFormatIndicator,
            @JsonProperty("message_expiry_interval") @Schema(description = "seconds") Long messageExpiryInterval,
            @JsonProperty("content_type") String contentType,
            @JsonProperty("response_topic") String responseTopic,
            @JsonProperty("correlation_data") String correlationData,
            @JsonProperty("user_properties") Map<String, String> userProperties) {
    }
}
