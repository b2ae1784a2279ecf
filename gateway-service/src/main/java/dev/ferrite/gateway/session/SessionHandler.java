package dev.ferrite.gateway.session;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.routing.Subscription;
import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicFilter;
import dev.ferrite.gateway.topic.TopicName;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The packets of a connected session: PUBLISH, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT. */
class SessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);
    /** MQTT 5 SUBACK reason code: Topic Filter invalid. */
    private static final int TOPIC_FILTER_INVALID = 0x8F;
    /** MQTT 5 DISCONNECT reason code: Disconnect with Will Message. */
    private static final byte DISCONNECT_WITH_WILL = 0x04;

    private final ClientSession session;
    private final SessionServices services;

    SessionHandler(ClientSession session, SessionServices services) {
        this.session = session;
        this.services = services;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof MqttMessage message) || message.decoderResult().isFailure()) {
                log.debug("Closing {}: malformed packet", session.clientId());
                ctx.close();
                return;
            }
            switch (message.fixedHeader().messageType()) {
                case PUBLISH -> publish(ctx, (MqttPublishMessage) message);
                case PUBACK -> { } // QoS 1 deliveries are not tracked for redelivery yet
                case SUBSCRIBE -> subscribe(ctx, (MqttSubscribeMessage) message);
                case UNSUBSCRIBE -> unsubscribe(ctx, (MqttUnsubscribeMessage) message);
                case PINGREQ -> ctx.writeAndFlush(new MqttMessage(
                        new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
                case DISCONNECT -> disconnect(ctx, message);
                default -> {
                    log.debug("Closing {}: unexpected {}", session.clientId(), message.fixedHeader().messageType());
                    ctx.close();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage message) {
        String topic = message.variableHeader().topicName();
        try {
            TopicName.validate(topic);
        } catch (InvalidTopicException e) {
            log.debug("Closing {}: PUBLISH to an invalid topic name: {}", session.clientId(), e.getMessage());
            ctx.close();
            return;
        }
        services.publisher().publish(Message.of(session.clientId(), null, message, System.currentTimeMillis()));
        MqttQoS qos = message.fixedHeader().qosLevel();
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(new MqttMessage(
                    new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                    MqttMessageIdVariableHeader.from(message.variableHeader().packetId())));
        }
    }

    private void subscribe(ChannelHandlerContext ctx, MqttSubscribeMessage message) {
        List<Integer> codes = new ArrayList<>();
        List<Runnable> retainedDeliveries = new ArrayList<>();
        for (MqttTopicSubscription request : message.payload().topicSubscriptions()) {
            int qos = Math.min(request.qualityOfService().value(), MqttQoS.AT_LEAST_ONCE.value());
            TopicFilter filter;
            try {
                filter = TopicFilter.parse(request.topicFilter());
            } catch (InvalidTopicException e) {
                log.debug("{} subscribed to an invalid filter: {}", session.clientId(), e.getMessage());
                codes.add(session.version() == MqttVersion.MQTT_5 ? TOPIC_FILTER_INVALID : MqttQoS.FAILURE.value());
                continue;
            }
            int retainHandling = request.option().retainHandling().value();
            services.subscriptions().add(new Subscription(session.clientId(), filter.filter(), filter.shareGroup(), qos,
                    request.option().isNoLocal(), request.option().isRetainAsPublished(), retainHandling, 0));
            boolean isNew = session.subscribed(filter.asWritten());
            // MQTT 3.8.4 and 5 3.3.1.3: retained messages follow the SUBACK, never for a shared subscription.
            if (!filter.isShared() && (retainHandling == 0 || (retainHandling == 1 && isNew))) {
                retainedDeliveries.add(() -> sendRetained(ctx, filter, qos));
            }
            codes.add(qos);
        }
        MqttSubAckMessage subAck = new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(message.variableHeader().messageId()),
                new MqttSubAckPayload(codes.stream().mapToInt(Integer::intValue).toArray()));
        ctx.writeAndFlush(subAck);
        retainedDeliveries.forEach(Runnable::run);
    }

    private void sendRetained(ChannelHandlerContext ctx, TopicFilter filter, int grantedQos) {
        for (Message retained : services.retained().matching(filter, System.currentTimeMillis())) {
            ctx.write(Deliveries.publish(session, retained.topic(), Unpooled.wrappedBuffer(retained.payload()),
                    Math.min(grantedQos, retained.qos()), true, retained.properties()));
        }
        ctx.flush();
    }

    private void unsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage message) {
        MqttMessageBuilders.UnsubAckBuilder unsubAck = MqttMessageBuilders.unsubAck()
                .packetId(message.variableHeader().messageId());
        for (String filter : message.payload().topics()) {
            boolean removed = services.subscriptions().remove(session.clientId(), filter);
            session.unsubscribed(filter);
            if (session.version() == MqttVersion.MQTT_5) {
                unsubAck.addReasonCode((short) (removed ? 0x00 : 0x11));
            }
        }
        ctx.writeAndFlush(unsubAck.build());
    }

    private void disconnect(ChannelHandlerContext ctx, MqttMessage message) {
        if (!(message.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header)
                || header.reasonCode() != DISCONNECT_WITH_WILL) {
            session.discardWill();
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            log.debug("Closing {}: silent past its keep-alive", session.clientId());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Sessions end with their connection until persistent sessions exist.
        if (services.clients().unregister(session)) {
            services.subscriptions().removeAll(session.clientId());
        }
        if (session.will() != null) {
            services.wills().clientLost(session.will());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing {}: {}", session.clientId(), cause.toString());
        ctx.close();
    }
}
