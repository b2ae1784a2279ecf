package dev.ferrite.gateway.session;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.routing.Delivery;
import dev.ferrite.gateway.routing.Subscription;
import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicFilter;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SUBSCRIBE and UNSUBSCRIBE: filters checked, subscriptions recorded, retained messages sent after the SUBACK. */
final class SubscribeRequests {

    private static final Logger log = LoggerFactory.getLogger(SubscribeRequests.class);
    /** 3.1.1 SUBACK failure. */
    private static final int FAILURE = 0x80;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int TOPIC_FILTER_INVALID = 0x8F;
    private static final int NO_SUBSCRIPTION_EXISTED = 0x11;
    private static final int SUBSCRIPTION_IDENTIFIER = MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value();

    private final Session session;
    private final SessionServices services;

    SubscribeRequests(Session session, SessionServices services) {
        this.session = session;
        this.services = services;
    }

    void subscribe(MqttSubscribeMessage subscribe) {
        Connection connection = session.connection();
        String protocolError = protocolError(subscribe);
        if (protocolError != null) {
            log.debug("Closing {}: {}", session.clientId, protocolError);
            connection.closeReason = "protocol_error";
            Disconnects.send(connection, Disconnects.PROTOCOL_ERROR, connection.problemInformation ? protocolError : null);
            return;
        }
        int subscriptionId = subscriptionIdentifier(subscribe);
        List<Integer> codes = new ArrayList<>();
        List<Runnable> retainedDeliveries = new ArrayList<>();
        for (MqttTopicSubscription request : subscribe.payload().topicSubscriptions()) {
            int qos = Math.min(request.qualityOfService().value(), 2);
            TopicFilter filter = parse(request.topicFilter());
            if (filter == null) {
                codes.add(connection.v5 ? TOPIC_FILTER_INVALID : FAILURE);
                continue;
            }
            if (!connection.permissions.maySubscribe(filter.filter(), qos)) {
                log.debug("{} may not subscribe to {}", session.clientId, request.topicFilter());
                codes.add(connection.v5 ? NOT_AUTHORIZED : FAILURE);
                continue;
            }
            int retainHandling = request.option().retainHandling().value();
            Subscription subscription = new Subscription(session.clientId, filter.filter(), filter.shareGroup(), qos,
                    request.option().isNoLocal(), request.option().isRetainAsPublished(), retainHandling, subscriptionId);
            boolean isNew = session.subscribe(filter.asWritten(), subscription);
            services.events().sessionSubscribed(connection.client, filter.asWritten(), qos);
            // MQTT 3.8.4 and 5 3.3.1.3: retained messages follow the SUBACK, never for a shared subscription.
            if (!filter.isShared() && (retainHandling == 0 || (retainHandling == 1 && isNew))) {
                retainedDeliveries.add(() -> sendRetained(filter, subscription));
            }
            codes.add(qos);
        }
        connection.channel.writeAndFlush(new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdAndPropertiesVariableHeader.from(subscribe.idAndPropertiesVariableHeader().messageId()),
                new MqttSubAckPayload(codes.stream().mapToInt(Integer::intValue).toArray())));
        retainedDeliveries.forEach(Runnable::run);
    }

    void unsubscribe(MqttUnsubscribeMessage unsubscribe) {
        Connection connection = session.connection();
        MqttMessageBuilders.UnsubAckBuilder unsubAck = MqttMessageBuilders.unsubAck()
                .packetId(unsubscribe.idAndPropertiesVariableHeader().messageId());
        for (String filter : unsubscribe.payload().topics()) {
            boolean removed = session.unsubscribe(filter);
            if (removed) {
                services.events().sessionUnsubscribed(connection.client, filter);
            }
            if (connection.v5) {
                unsubAck.addReasonCode((short) (removed ? 0x00 : NO_SUBSCRIPTION_EXISTED));
            }
        }
        connection.channel.writeAndFlush(unsubAck.build());
    }

    private void sendRetained(TopicFilter filter, Subscription subscription) {
        List<Integer> ids = subscription.subscriptionIdentifier() == 0 ? List.of()
                : List.of(subscription.subscriptionIdentifier());
        for (Message retained : services.retained().matching(filter, System.currentTimeMillis())) {
            session.flow().deliver(new Delivery(retained, Math.min(subscription.qos(), retained.qos()), true, ids, null));
        }
    }

    private TopicFilter parse(String written) {
        LimitProperties limits = services.limits();
        try {
            TopicFilter filter = TopicFilter.parse(written, limits.maxTopicLevels());
            if (ByteBufUtil.utf8Bytes(written) > limits.maxTopicLength()) {
                services.events().limitExceeded("max_topic_length", session.clientId);
                return null;
            }
            return filter;
        } catch (InvalidTopicException e) {
            if (e.reason() == InvalidTopicException.Reason.TOO_MANY_LEVELS) {
                services.events().limitExceeded("max_topic_levels", session.clientId);
            }
            log.debug("{} subscribed to an invalid filter: {}", session.clientId, e.getMessage());
            return null;
        }
    }

    /** What makes the whole SUBSCRIBE a Protocol Error (MQTT 5 3.8.2.1.2, 3.8.3.1), or null. */
    private static String protocolError(MqttSubscribeMessage subscribe) {
        MqttProperties.MqttProperty<?> id = subscribe.idAndPropertiesVariableHeader().properties()
                .getProperty(SUBSCRIPTION_IDENTIFIER);
        if (id != null && (Integer) id.value() == 0) {
            return "a Subscription Identifier of 0";
        }
        for (MqttTopicSubscription request : subscribe.payload().topicSubscriptions()) {
            if (request.option().isNoLocal() && request.topicFilter().startsWith(TopicFilter.SHARE_PREFIX)) {
                return "No Local on the shared subscription " + request.topicFilter();
            }
        }
        return null;
    }

    private static int subscriptionIdentifier(MqttSubscribeMessage subscribe) {
        MqttProperties.MqttProperty<?> id = subscribe.idAndPropertiesVariableHeader().properties()
                .getProperty(SUBSCRIPTION_IDENTIFIER);
        return id == null ? 0 : (Integer) id.value();
    }
}
