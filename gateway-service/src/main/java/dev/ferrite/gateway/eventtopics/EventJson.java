package dev.ferrite.gateway.eventtopics;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.message.Message;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * The JSON of each event, with the field names of EMQX's rule engine ({@code emqx_rule_events}).
 *
 * <p>Written with Jackson's streaming generator rather than a data binder: the fields go
 * straight to bytes with no intermediate map or reflection, which matters for
 * {@code message_delivered}, encoded once per delivery while something subscribes to it, and
 * the escaping stays Jackson's. Payloads are text in EMQX's events, so a payload is decoded as
 * UTF-8 (an invalid byte becomes U+FFFD).
 *
 * <p>Fields EMQX has and this node does not know are left out rather than invented:
 * {@code receive_maximum}, {@code conn_props}, {@code disconn_props}, {@code sub_props},
 * {@code unsub_props}, {@code puback_props}, {@code client_attrs}; {@code mountpoint} is null.
 */
final class EventJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int USER_PROPERTY = MqttPropertyType.USER_PROPERTY.value();

    private final String node;

    EventJson(String node) {
        this.node = node;
    }

    byte[] clientConnected(ClientInfo client, long now) {
        return write(EventTopic.CLIENT_CONNECTED, now, json -> {
            json.writeStringProperty("clientid", client.clientId());
            json.writeStringProperty("username", client.username());
            json.writeNullProperty("mountpoint");
            json.writeStringProperty("peername", address(client.peer()));
            json.writeStringProperty("sockname", address(client.local()));
            json.writeStringProperty("proto_name", client.protocolName());
            json.writeNumberProperty("proto_ver", client.protocolVersion());
            json.writeNumberProperty("keepalive", client.keepAlive());
            json.writeBooleanProperty("clean_start", client.cleanStart());
            json.writeNumberProperty("expiry_interval", client.sessionExpiryInterval());
            json.writeBooleanProperty("is_bridge", false);
            json.writeNumberProperty("connected_at", client.connectedAt());
        });
    }

    byte[] clientDisconnected(ClientInfo client, String reason, long now) {
        return write(EventTopic.CLIENT_DISCONNECTED, now, json -> {
            json.writeStringProperty("reason", reason);
            json.writeStringProperty("clientid", client.clientId());
            json.writeStringProperty("username", client.username());
            json.writeStringProperty("peername", address(client.peer()));
            json.writeStringProperty("sockname", address(client.local()));
            json.writeStringProperty("proto_name", client.protocolName());
            json.writeNumberProperty("proto_ver", client.protocolVersion());
            json.writeNumberProperty("connected_at", client.connectedAt());
            json.writeNumberProperty("disconnected_at", now);
        });
    }

    /** @param qos the granted QoS, or -1 when not known (an unsubscribe) */
    byte[] subscription(EventTopic event, ClientInfo client, String topicFilter, int qos, long now) {
        return write(event, now, json -> {
            json.writeStringProperty("clientid", client.clientId());
            json.writeStringProperty("username", client.username());
            json.writeStringProperty("peerhost", client.peerHost());
            json.writeStringProperty("peername", address(client.peer()));
            json.writeStringProperty("topic", topicFilter);
            if (qos >= 0) {
                json.writeNumberProperty("qos", qos);
            }
        });
    }

    /**
     * {@code message_delivered}, {@code message_acked} and {@code delivery_dropped}: the receiver's
     * fields, the publisher's as {@code from_...}.
     *
     * @param receiver the receiver's current or last connection; null when unknown
     * @param reason why the delivery was dropped; null for the other two events
     */
    byte[] delivery(EventTopic event, String receiverId, ClientInfo receiver, Message message, int qos, String reason,
            long now) {
        return write(event, now, json -> {
            json.writeStringProperty("id", message.id());
            if (reason != null) {
                json.writeStringProperty("reason", reason);
            }
            json.writeStringProperty("from_clientid", message.publisherId());
            json.writeStringProperty("from_username", message.publisherUsername());
            json.writeStringProperty("clientid", receiverId);
            json.writeStringProperty("username", receiver == null ? null : receiver.username());
            json.writeStringProperty("peerhost", receiver == null ? null : receiver.peerHost());
            json.writeStringProperty("peername", receiver == null ? null : address(receiver.peer()));
            messageFields(json, message, qos);
        });
    }

    /** @param publisher the publisher's connection; null when the broker published it or it is gone */
    byte[] messageDropped(Message message, ClientInfo publisher, String reason, long now) {
        return write(EventTopic.MESSAGE_DROPPED, now, json -> {
            json.writeStringProperty("id", message.id());
            json.writeStringProperty("reason", reason);
            json.writeStringProperty("clientid", message.publisherId());
            json.writeStringProperty("username", message.publisherUsername());
            json.writeStringProperty("peerhost", publisher == null ? null : publisher.peerHost());
            json.writeStringProperty("peername", publisher == null ? null : address(publisher.peer()));
            messageFields(json, message, message.qos());
        });
    }

    private static void messageFields(JsonGenerator json, Message message, int qos) {
        json.writeStringProperty("payload", new String(message.payload(), StandardCharsets.UTF_8));
        json.writeStringProperty("topic", message.topic());
        json.writeNumberProperty("qos", qos);
        json.writeObjectPropertyStart("flags");
        json.writeBooleanProperty("retain", message.retain());
        json.writeBooleanProperty("dup", false);
        json.writeEndObject();
        json.writeName("pub_props");
        publishProperties(json, message.properties());
        json.writeNumberProperty("publish_received_at", message.receivedAt());
    }

    /** EMQX's {@code pub_props}: the MQTT 5 properties as published, under their specification names. */
    private static void publishProperties(JsonGenerator json, MqttProperties properties) {
        json.writeStartObject();
        if (properties != null) {
            for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
                String name = PropertyNames.of(property.propertyId());
                if (name == null) {
                    continue;
                }
                if (property.propertyId() == USER_PROPERTY) {
                    userProperties(json, ((MqttProperties.UserProperties) property).value());
                } else if (property.value() instanceof byte[] bytes) {
                    json.writeStringProperty(name, new String(bytes, StandardCharsets.UTF_8));
                } else if (property.value() instanceof Integer number) {
                    json.writeNumberProperty(name, Integer.toUnsignedLong(number));
                } else {
                    json.writeStringProperty(name, String.valueOf(property.value()));
                }
            }
        }
        json.writeEndObject();
    }

    /** As EMQX prints them: a map (the last value of a repeated key wins) and the pairs in order. */
    private static void userProperties(JsonGenerator json, List<MqttProperties.StringPair> pairs) {
        Map<String, String> byKey = new LinkedHashMap<>();
        pairs.forEach(pair -> byKey.put(pair.key, pair.value));
        json.writeObjectPropertyStart("User-Property");
        byKey.forEach(json::writeStringProperty);
        json.writeEndObject();
        json.writeArrayPropertyStart("User-Property-Pairs");
        for (MqttProperties.StringPair pair : pairs) {
            json.writeStartObject();
            json.writeStringProperty("key", pair.key);
            json.writeStringProperty("value", pair.value);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private byte[] write(EventTopic event, long now, Fields fields) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringProperty("event", event.eventName());
            fields.write(json);
            json.writeNumberProperty("timestamp", now);
            json.writeStringProperty("node", node);
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** EMQX's form of an address: {@code host:port}. */
    static String address(InetSocketAddress address) {
        return address == null ? null : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private interface Fields {
        void write(JsonGenerator json);
    }
}
