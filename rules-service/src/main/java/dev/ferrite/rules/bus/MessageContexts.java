package dev.ferrite.rules.bus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferrite.contracts.bus.InternalDeliveryProperties;
import dev.ferrite.rules.JsonValues;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * The context a rule sees, built from what the gateway delivered: EMQX's message fields for a
 * message, the event's own fields (its JSON payload) for a {@code $events/...} topic.
 */
final class MessageContexts {

    static final String EVENTS_PREFIX = "$events/";

    private MessageContexts() {
    }

    /** @throws IllegalArgumentException for an event whose payload is not a JSON object */
    static Map<String, Object> of(String topic, MqttMessage message, String node, long now) {
        if (topic.startsWith(EVENTS_PREFIX)) {
            return event(topic, message);
        }
        return message(topic, message, node, now);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String topic, MqttMessage message) {
        Object decoded = JsonValues.parse(new String(message.getPayload(), StandardCharsets.UTF_8));
        if (!(decoded instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the payload of " + topic + " is not a JSON object");
        }
        return (Map<String, Object>) decoded;
    }

    private static Map<String, Object> message(String topic, MqttMessage message, String node, long now) {
        Map<String, String> delivery = new LinkedHashMap<>();
        Map<String, Object> userProperty = new LinkedHashMap<>();
        List<Object> userPropertyPairs = new ArrayList<>();
        MqttProperties properties = message.getProperties();
        for (UserProperty property : properties == null ? List.<UserProperty>of() : properties.getUserProperties()) {
            if (property.getKey().startsWith(InternalDeliveryProperties.PREFIX)) {
                delivery.put(property.getKey(), property.getValue());
            } else {
                userProperty.put(property.getKey(), property.getValue());
                userPropertyPairs.add(Map.of("key", property.getKey(), "value", property.getValue()));
            }
        }
        long receivedAt = millis(delivery.get(InternalDeliveryProperties.RECEIVED_AT), now);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("event", "message.publish");
        context.put("id", delivery.getOrDefault(InternalDeliveryProperties.MESSAGE_ID, localId()));
        context.put("clientid", delivery.get(InternalDeliveryProperties.CLIENT_ID));
        context.put("username", delivery.get(InternalDeliveryProperties.USERNAME));
        context.put("payload", new String(message.getPayload(), StandardCharsets.UTF_8));
        context.put("peerhost", delivery.get(InternalDeliveryProperties.PEER_HOST));
        context.put("topic", topic);
        context.put("qos", (long) message.getQos());
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("retain", message.isRetained());
        flags.put("dup", message.isDuplicate());
        context.put("flags", flags);
        context.put("pub_props", publishProperties(properties, userProperty, userPropertyPairs));
        context.put("timestamp", receivedAt);
        context.put("publish_received_at", receivedAt);
        context.put("node", delivery.getOrDefault(InternalDeliveryProperties.NODE, node));
        return context;
    }

    /** EMQX's {@code pub_props}: MQTT 5 properties under their specification names. */
    private static Map<String, Object> publishProperties(MqttProperties properties, Map<String, Object> userProperty,
            List<Object> userPropertyPairs) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (!userProperty.isEmpty()) {
            props.put("User-Property", userProperty);
            props.put("User-Property-Pairs", userPropertyPairs);
        }
        if (properties == null) {
            return props;
        }
        if (properties.getContentType() != null) {
            props.put("Content-Type", properties.getContentType());
        }
        if (properties.getMessageExpiryInterval() != null) {
            props.put("Message-Expiry-Interval", properties.getMessageExpiryInterval());
        }
        if (properties.getPayloadFormat()) {
            props.put("Payload-Format-Indicator", 1L);
        }
        if (properties.getResponseTopic() != null) {
            props.put("Response-Topic", properties.getResponseTopic());
        }
        if (properties.getCorrelationData() != null) {
            props.put("Correlation-Data", new String(properties.getCorrelationData(), StandardCharsets.UTF_8));
        }
        return props;
    }

    private static long millis(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String localId() {
        UUID id = UUID.randomUUID();
        return (Long.toHexString(id.getMostSignificantBits()) + Long.toHexString(id.getLeastSignificantBits()))
                .toUpperCase(java.util.Locale.ROOT);
    }
}
