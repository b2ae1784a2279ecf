package dev.ferrite.gateway.eventtopics;

import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;

/** The MQTT 5 PUBLISH properties EMQX prints in events, by their specification names. */
final class PropertyNames {

    private PropertyNames() {
    }

    /** @return null for a property that belongs to one hop (Topic Alias, Subscription Identifier) */
    static String of(int propertyId) {
        MqttPropertyType type;
        try {
            type = MqttPropertyType.valueOf(propertyId);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        return switch (type) {
            case PAYLOAD_FORMAT_INDICATOR -> "Payload-Format-Indicator";
            case PUBLICATION_EXPIRY_INTERVAL -> "Message-Expiry-Interval";
            case CONTENT_TYPE -> "Content-Type";
            case RESPONSE_TOPIC -> "Response-Topic";
            case CORRELATION_DATA -> "Correlation-Data";
            case USER_PROPERTY -> "User-Property";
            default -> null;
        };
    }
}
