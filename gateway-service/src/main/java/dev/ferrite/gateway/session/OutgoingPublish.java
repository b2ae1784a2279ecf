package dev.ferrite.gateway.session;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ferrite.contracts.bus.InternalDeliveryProperties;
import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.routing.Delivery;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * Builds the PUBLISH a connection sends for a delivery: the publisher's properties passed
 * through unchanged, except those that belong to one hop (Topic Alias, Subscription
 * Identifiers, the remaining Message Expiry Interval).
 */
final class OutgoingPublish {

    private static final int TOPIC_ALIAS = MqttPropertyType.TOPIC_ALIAS.value();
    private static final int SUBSCRIPTION_IDENTIFIER = MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value();
    private static final int MESSAGE_EXPIRY = MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value();

    private OutgoingPublish() {
    }

    /**
     * @param packetId -1 for QoS 0
     * @return the PUBLISH, or null when it would exceed the client's Maximum Packet Size (MQTT 5 3.1.2.11.4)
     */
    static MqttPublishMessage build(Connection connection, Delivery delivery, int packetId, boolean duplicate, long now,
            String node) {
        Message message = delivery.message();
        MqttProperties properties = connection.v5 ? properties(message, delivery.subscriptionIdentifiers(), now)
                : MqttProperties.NO_PROPERTIES;
        if (connection.v5 && connection.client.internal()) {
            properties = withPublisher(properties, message, node);
        }
        String topic = message.topic();
        if (connection.maxPacketSize > 0 && PacketSize.publish(topic, packetId >= 0, properties,
                message.payload().length) > connection.maxPacketSize) {
            return null;
        }
        if (connection.v5 && !duplicate) {
            topic = applyTopicAlias(connection, topic, properties);
        }
        return new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, duplicate, MqttQoS.valueOf(delivery.qos()),
                        delivery.retain(), 0),
                new MqttPublishVariableHeader(topic, packetId, properties),
                Unpooled.wrappedBuffer(message.payload()));
    }

    private static MqttProperties properties(Message message, List<Integer> subscriptionIds, long now) {
        MqttProperties published = message.properties();
        boolean nothingToAdd = subscriptionIds.isEmpty() && !message.hasExpiry();
        if (nothingToAdd && (published == null || published.isEmpty())) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        if (published != null) {
            for (MqttProperties.MqttProperty<?> property : published.listAll()) {
                int id = property.propertyId();
                if (id != TOPIC_ALIAS && id != SUBSCRIPTION_IDENTIFIER && id != MESSAGE_EXPIRY) {
                    properties.add(property);
                }
            }
        }
        if (message.hasExpiry()) {
            properties.add(new MqttProperties.IntegerProperty(MESSAGE_EXPIRY, (int) message.remainingExpirySeconds(now)));
        }
        for (int subscriptionId : subscriptionIds) {
            properties.add(new MqttProperties.IntegerProperty(SUBSCRIPTION_IDENTIFIER, subscriptionId));
        }
        return properties;
    }

    /** What an internal principal is told beyond the message itself (see {@link InternalDeliveryProperties}). */
    private static MqttProperties withPublisher(MqttProperties properties, Message message, String node) {
        MqttProperties extended = properties == MqttProperties.NO_PROPERTIES ? new MqttProperties() : properties;
        MqttProperties.UserProperties user = new MqttProperties.UserProperties();
        user.add(InternalDeliveryProperties.MESSAGE_ID, message.id());
        user.add(InternalDeliveryProperties.CLIENT_ID, message.publisherId());
        if (message.publisherUsername() != null) {
            user.add(InternalDeliveryProperties.USERNAME, message.publisherUsername());
        }
        if (message.publisherHost() != null) {
            user.add(InternalDeliveryProperties.PEER_HOST, message.publisherHost());
        }
        user.add(InternalDeliveryProperties.RECEIVED_AT, Long.toString(message.receivedAt()));
        user.add(InternalDeliveryProperties.NODE, node);
        extended.add(user);
        return extended;
    }

    /** Sends the topic once with a new alias, then only the alias (an empty topic name). */
    private static String applyTopicAlias(Connection connection, String topic, MqttProperties properties) {
        int existing = connection.aliases.existingOutbound(topic);
        int alias = existing != 0 ? existing : connection.aliases.assignOutbound(topic);
        if (alias == 0) {
            return topic;
        }
        if (properties == MqttProperties.NO_PROPERTIES) {
            throw new IllegalStateException("aliases need their own property set");
        }
        properties.add(new MqttProperties.IntegerProperty(TOPIC_ALIAS, alias));
        return existing != 0 ? "" : topic;
    }

    /** Encoded sizes as MQTT 5 section 2 defines them. */
    static final class PacketSize {

        private PacketSize() {
        }

        static int publish(String topic, boolean hasPacketId, MqttProperties properties, int payloadLength) {
            int propertiesLength = properties(properties);
            int remaining = 2 + ByteBufUtil.utf8Bytes(topic) + (hasPacketId ? 2 : 0)
                    + (properties == MqttProperties.NO_PROPERTIES ? 0 : variableByteIntegerSize(propertiesLength))
                    + propertiesLength + payloadLength;
            return 1 + variableByteIntegerSize(remaining) + remaining;
        }

        static int properties(MqttProperties properties) {
            int length = 0;
            for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
                length += property(property);
            }
            return length;
        }

        private static int property(MqttProperties.MqttProperty<?> property) {
            int id = property.propertyId();
            if (property instanceof MqttProperties.UserProperties user) {
                int length = 0;
                for (MqttProperties.StringPair pair : user.value()) {
                    length += 1 + 2 + utf8(pair.key) + 2 + utf8(pair.value);
                }
                return length;
            }
            if (property instanceof MqttProperties.StringProperty string) {
                return 1 + 2 + utf8(string.value());
            }
            if (property instanceof MqttProperties.BinaryProperty binary) {
                return 1 + 2 + binary.value().length;
            }
            if (id == SUBSCRIPTION_IDENTIFIER) {
                return 1 + variableByteIntegerSize((Integer) property.value());
            }
            return 1 + switch (MqttPropertyType.valueOf(id)) {
                case PAYLOAD_FORMAT_INDICATOR, REQUEST_PROBLEM_INFORMATION, REQUEST_RESPONSE_INFORMATION, MAXIMUM_QOS,
                        RETAIN_AVAILABLE, WILDCARD_SUBSCRIPTION_AVAILABLE, SUBSCRIPTION_IDENTIFIER_AVAILABLE,
                        SHARED_SUBSCRIPTION_AVAILABLE -> 1;
                case SERVER_KEEP_ALIVE, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, TOPIC_ALIAS -> 2;
                default -> 4;
            };
        }

        private static int utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        static int variableByteIntegerSize(int value) {
            return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
        }
    }
}
