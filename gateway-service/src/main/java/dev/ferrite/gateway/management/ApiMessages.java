package dev.ferrite.gateway.management;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.ferrite.gateway.listener.GatewayProperties;
import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.message.SystemTopics;
import dev.ferrite.gateway.session.LimitProperties;
import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicName;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;

import org.springframework.stereotype.Component;

/**
 * Turns a REST publish request into a {@link Message}, checked as strictly as a client's
 * PUBLISH: a topic name without wildcards and within the topic limits, a QoS, a payload that
 * decodes, a packet that fits {@code max-packet-size}. The broker's own {@code $SYS/} and
 * {@code $events/} topics are refused: nobody may speak for the broker there.
 */
@Component
class ApiMessages {

    /** EMQX's publisher id for messages published through its HTTP API. */
    static final String PUBLISHER = "http_api";
    static final int TOPIC_NAME_INVALID = 0x90;
    static final int QUOTA_EXCEEDED = 0x97;
    static final int IMPLEMENTATION_SPECIFIC_ERROR = 0x83;

    private final LimitProperties limits;
    private final long maxPacketSize;

    ApiMessages(LimitProperties limits, GatewayProperties gateway) {
        this.limits = limits;
        this.maxPacketSize = gateway.maxPacketSize().toBytes();
    }

    Message toMessage(PublishRequest request, long now) {
        String topic = topic(request.topic());
        int qos = request.qos() == null ? 0 : request.qos();
        if (qos < 0 || qos > 2) {
            throw invalid("qos must be 0, 1 or 2, was " + qos);
        }
        byte[] payload = payload(request);
        if ((long) payload.length + topic.getBytes(StandardCharsets.UTF_8).length > maxPacketSize) {
            // EMQX answers 0x97: 0x95 (Packet too large) is no PUBACK reason code.
            throw ApiProblems.unpublishable(QUOTA_EXCEEDED, "packet_too_large",
                    "The message is larger than ferrite.gateway.max-packet-size (" + maxPacketSize + " bytes)");
        }
        return Message.of(PUBLISHER, topic, payload, qos, Boolean.TRUE.equals(request.retain()),
                properties(request.properties()), now);
    }

    private String topic(String topic) {
        if (topic == null) {
            throw ApiProblems.unpublishable(TOPIC_NAME_INVALID, "topic_name_invalid", "topic is required");
        }
        try {
            TopicName.validate(topic, limits.maxTopicLevels());
        } catch (InvalidTopicException e) {
            throw ApiProblems.unpublishable(TOPIC_NAME_INVALID, "topic_name_invalid",
                    "topic is not a valid topic name: " + e.getMessage());
        }
        if (topic.getBytes(StandardCharsets.UTF_8).length > limits.maxTopicLength()) {
            throw ApiProblems.unpublishable(TOPIC_NAME_INVALID, "topic_name_invalid",
                    "topic is longer than ferrite.gateway.limits.max-topic-length");
        }
        if (SystemTopics.isSystem(topic)) {
            throw ApiProblems.unpublishable(TOPIC_NAME_INVALID, "topic_name_invalid",
                    "topics under $SYS/ and $events/ are the broker's own");
        }
        return topic;
    }

    private static byte[] payload(PublishRequest request) {
        if (request.payload() == null) {
            throw invalid("payload is required");
        }
        String encoding = request.payloadEncoding() == null ? "plain" : request.payloadEncoding();
        return switch (encoding) {
            case "plain" -> request.payload().getBytes(StandardCharsets.UTF_8);
            case "base64" -> {
                try {
                    yield Base64.getDecoder().decode(request.payload());
                } catch (IllegalArgumentException e) {
                    throw invalid("payload is not base64: " + e.getMessage());
                }
            }
            default -> throw invalid("payload_encoding must be plain or base64, was '" + encoding + "'");
        };
    }

    private MqttProperties properties(PublishRequest.Properties requested) {
        if (requested == null) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        Integer format = requested.payloadFormatIndicator();
        if (format != null) {
            if (format != 0 && format != 1) {
                throw invalid("properties.payload_format_indicator must be 0 or 1, was " + format);
            }
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(), format));
        }
        Long expiry = requested.messageExpiryInterval();
        if (expiry != null) {
            if (expiry < 0 || expiry > 0xFFFF_FFFFL) {
                throw invalid("properties.message_expiry_interval must be 0 to 4294967295 seconds, was " + expiry);
            }
            properties.add(new MqttProperties.IntegerProperty(
                    MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), (int) (long) expiry));
        }
        if (requested.contentType() != null) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.CONTENT_TYPE.value(),
                    requested.contentType()));
        }
        if (requested.responseTopic() != null) {
            try {
                TopicName.validate(requested.responseTopic());
            } catch (InvalidTopicException e) {
                throw invalid("properties.response_topic is not a valid topic name: " + e.getMessage());
            }
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.RESPONSE_TOPIC.value(),
                    requested.responseTopic()));
        }
        if (requested.correlationData() != null) {
            properties.add(new MqttProperties.BinaryProperty(MqttPropertyType.CORRELATION_DATA.value(),
                    requested.correlationData().getBytes(StandardCharsets.UTF_8)));
        }
        if (requested.userProperties() != null && !requested.userProperties().isEmpty()) {
            MqttProperties.UserProperties user = new MqttProperties.UserProperties();
            requested.userProperties().forEach(user::add);
            properties.add(user);
        }
        return properties;
    }

    private static RuntimeException invalid(String detail) {
        return ApiProblems.unpublishable(IMPLEMENTATION_SPECIFIC_ERROR, "bad_request", detail);
    }
}
