package dev.ferrite.gateway.session;

import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicName;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's PUBLISHes: topic aliases resolved, topic and permissions checked, published once
 * (QoS 2 duplicates are recognised by packet id until PUBREL), acknowledged with the right reason.
 */
final class InboundPublishes {

    private static final Logger log = LoggerFactory.getLogger(InboundPublishes.class);
    private static final int TOPIC_ALIAS = MqttProperties.MqttPropertyType.TOPIC_ALIAS.value();
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int TOPIC_NAME_INVALID = 0x90;
    private static final int PACKET_ID_NOT_FOUND = 0x92;

    private final Session session;
    private final SessionServices services;
    private boolean paused;

    InboundPublishes(Session session, SessionServices services) {
        this.session = session;
        this.services = services;
    }

    void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        Connection connection = session.connection();
        SessionState state = session.state();
        int qos = publish.fixedHeader().qosLevel().value();
        int packetId = publish.variableHeader().packetId();
        if (qos > 2) {
            close(connection, Disconnects.MALFORMED_PACKET, "QoS 3 is not a QoS");
            return;
        }
        throttle(connection);
        String topic = resolveTopic(connection, publish);
        if (topic == null) {
            return;
        }
        try {
            TopicName.validate(topic);
        } catch (InvalidTopicException e) {
            close(connection, Disconnects.TOPIC_NAME_INVALID, "PUBLISH to an invalid topic name: " + e.getMessage());
            return;
        }
        if (qos == 2 && state.awaitingRelease.contains(packetId)) {
            reply(connection, MqttMessageType.PUBREC, packetId, 0); // a duplicate: published already, not again
            return;
        }
        if (qos == 2 && state.awaitingRelease.size() >= services.sessionProperties().receiveMaximum()) {
            services.events().limitExceeded("receive_maximum", session.clientId);
            close(connection, Disconnects.RECEIVE_MAXIMUM_EXCEEDED, "more QoS 2 messages in flight than Receive Maximum");
            return;
        }
        if (exceedsTopicLimits(topic)) {
            services.events().limitExceeded("max_topic_levels", session.clientId);
            reply(connection, qos, packetId, TOPIC_NAME_INVALID);
            return;
        }
        boolean retain = publish.fixedHeader().isRetain();
        Message message = Message.of(session.clientId, connection.client.username(), connection.client.peerHost(),
                topic, publish, System.currentTimeMillis());
        if (!connection.permissions.mayPublish(topic, qos, retain)) {
            log.debug("{} may not publish to {}", session.clientId, topic);
            services.events().messageDropped(message, "not_authorized");
            reply(connection, qos, packetId, NOT_AUTHORIZED);
            return;
        }
        state.messagesIn++;
        int delivered = services.publisher().publish(message);
        if (qos == 2) {
            state.awaitingRelease.add(packetId);
        }
        reply(connection, qos, packetId, delivered == 0 ? NO_MATCHING_SUBSCRIBERS : 0);
    }

    /** PUBREL: the QoS 2 exchange ends and the packet id may be used again. */
    void release(int packetId) {
        Connection connection = session.connection();
        boolean known = session.state().awaitingRelease.remove(packetId);
        reply(connection, MqttMessageType.PUBCOMP, packetId, known ? 0 : PACKET_ID_NOT_FOUND);
    }

    /** The topic a PUBLISH stands for, its Topic Alias applied (MQTT 5 3.3.2.3.4); null when the connection is closed. */
    private String resolveTopic(Connection connection, MqttPublishMessage publish) {
        String topic = publish.variableHeader().topicName();
        MqttProperties.MqttProperty<?> aliasProperty = publish.variableHeader().properties().getProperty(TOPIC_ALIAS);
        if (aliasProperty == null) {
            if (topic.isEmpty()) {
                close(connection, Disconnects.PROTOCOL_ERROR, "PUBLISH without a topic name or topic alias");
                return null;
            }
            return topic;
        }
        int alias = (Integer) aliasProperty.value();
        if (!connection.aliases.isValidInbound(alias)) {
            close(connection, Disconnects.TOPIC_ALIAS_INVALID, "topic alias " + alias + " is outside 1.."
                    + services.sessionProperties().topicAliasMaximum());
            return null;
        }
        if (!topic.isEmpty()) {
            connection.aliases.bindInbound(alias, topic);
            return topic;
        }
        String bound = connection.aliases.resolveInbound(alias);
        if (bound == null) {
            close(connection, Disconnects.PROTOCOL_ERROR, "topic alias " + alias + " was never set");
        }
        return bound;
    }

    private boolean exceedsTopicLimits(String topic) {
        LimitProperties limits = services.limits();
        if (topic.length() > limits.maxTopicLength() / 3 && ByteBufUtil.utf8Bytes(topic) > limits.maxTopicLength()) {
            return true;
        }
        int levels = 1;
        for (int i = 0; i < topic.length() && levels <= limits.maxTopicLevels(); i++) {
            if (topic.charAt(i) == '/') {
                levels++;
            }
        }
        return levels > limits.maxTopicLevels();
    }

    /** Over {@code max-publish-rate}: stop reading from the client until it is back in budget. */
    private void throttle(Connection connection) {
        long pauseNanos = connection.publishRate.take();
        if (pauseNanos == 0 || paused) {
            return;
        }
        paused = true;
        services.events().limitExceeded("max_publish_rate", session.clientId);
        log.info("Pausing {} for {} ms: over ferrite.gateway.limits.max-publish-rate", session.clientId,
                TimeUnit.NANOSECONDS.toMillis(pauseNanos));
        connection.channel.config().setAutoRead(false);
        connection.channel.eventLoop().schedule(() -> {
            paused = false;
            connection.channel.config().setAutoRead(true);
        }, pauseNanos, TimeUnit.NANOSECONDS);
    }

    private void reply(Connection connection, int qos, int packetId, int reasonCode) {
        if (qos == 1) {
            reply(connection, MqttMessageType.PUBACK, packetId, reasonCode);
        } else if (qos == 2) {
            reply(connection, MqttMessageType.PUBREC, packetId, reasonCode);
        }
    }

    private void reply(Connection connection, MqttMessageType type, int packetId, int reasonCode) {
        if (!connection.v5 || reasonCode == 0) {
            connection.channel.writeAndFlush(DeliveryFlow.ack(type, packetId));
            return;
        }
        connection.channel.writeAndFlush(new MqttMessage(
                new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, (byte) reasonCode, MqttProperties.NO_PROPERTIES)));
    }

    private void close(Connection connection, byte reasonCode, String why) {
        log.debug("Closing {}: {}", session.clientId, why);
        connection.closeReason = "protocol_error";
        Disconnects.send(connection, reasonCode, connection.problemInformation ? why : null);
    }
}
