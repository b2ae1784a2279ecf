package dev.ferrite.gateway.session;

import dev.ferrite.gateway.listener.PipelineNames;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session stage: every packet of a connected client, handed to the part of the session
 * that owns it. Takes the place of {@link ConnectHandler} (see {@link PipelineNames}).
 */
class SessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);
    private static final byte DISCONNECT_WITH_WILL = 0x04;
    private static final int SESSION_EXPIRY_INTERVAL = MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value();

    private final Session session;
    private final InboundPublishes publishes;
    private final SubscribeRequests subscriptions;

    SessionHandler(Session session, SessionServices services) {
        this.session = session;
        this.publishes = new InboundPublishes(session, services);
        this.subscriptions = new SubscribeRequests(session, services);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof MqttMessage message)) {
                ctx.close();
            } else if (message.decoderResult().isFailure()) {
                unreadable(message.decoderResult().cause());
            } else if (session.isActive() && session.connection() != null) {
                dispatch(ctx, message);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, MqttMessage message) {
        switch (message.fixedHeader().messageType()) {
            case PUBLISH -> publishes.publish(ctx, (MqttPublishMessage) message);
            case PUBACK -> session.flow().puback(packetId(message));
            case PUBREC -> pubrec(message);
            case PUBREL -> publishes.release(packetId(message));
            case PUBCOMP -> session.flow().pubcomp(packetId(message));
            case SUBSCRIBE -> subscriptions.subscribe((MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> subscriptions.unsubscribe((MqttUnsubscribeMessage) message);
            case PINGREQ -> ctx.writeAndFlush(new MqttMessage(
                    new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
            case DISCONNECT -> disconnect(message);
            default -> protocolError(message.fixedHeader().messageType() + " is not for a server after CONNECT");
        }
    }

    private void pubrec(MqttMessage message) {
        int reasonCode = message.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply
                ? reply.reasonCode() & 0xFF : 0;
        Connection connection = session.connection();
        if (!session.flow().pubrec(packetId(message), reasonCode)) {
            // MQTT 5 4.3.3: an unknown PUBREC still gets its PUBREL, with reason 0x92 for 5.0 clients.
            connection.channel.writeAndFlush(connection.v5
                    ? new MqttMessage(new MqttFixedHeader(MqttMessageType.PUBREL, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                            new MqttPubReplyMessageVariableHeader(packetId(message), (byte) 0x92,
                                    MqttProperties.NO_PROPERTIES))
                    : DeliveryFlow.ack(MqttMessageType.PUBREL, packetId(message)));
        }
    }

    private void disconnect(MqttMessage message) {
        Connection connection = session.connection();
        connection.closeReason = "normal";
        if (message.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header) {
            MqttProperties.MqttProperty<?> expiry = header.properties().getProperty(SESSION_EXPIRY_INTERVAL);
            if (expiry != null && (Integer) expiry.value() != 0 && connection.client.sessionExpiryInterval() == 0) {
                // MQTT 5 3.14.2.2.2: not a valid DISCONNECT, so the will is not discarded either.
                protocolError("a DISCONNECT may not set a Session Expiry Interval when the session had none");
                return;
            }
            if (header.reasonCode() != DISCONNECT_WITH_WILL) {
                connection.will = null;
            }
            if (expiry != null && connection.client.sessionExpiryInterval() > 0) {
                session.expiryInterval(Math.min(Integer.toUnsignedLong((Integer) expiry.value()),
                        connection.client.sessionExpiryInterval()));
            }
        } else {
            connection.will = null; // a normal DISCONNECT discards the will (MQTT 3.1.2.5)
        }
        connection.channel.close();
    }

    private void unreadable(Throwable cause) {
        Connection connection = session.connection();
        if (connection == null) {
            return;
        }
        boolean tooLarge = cause instanceof TooLongFrameException;
        log.debug("Closing {}: {}", session.clientId, cause.toString());
        connection.closeReason = tooLarge ? "frame_too_large" : "malformed_packet";
        Disconnects.send(connection, tooLarge ? Disconnects.PACKET_TOO_LARGE : Disconnects.MALFORMED_PACKET,
                connection.problemInformation ? cause.getMessage() : null);
    }

    private void protocolError(String why) {
        Connection connection = session.connection();
        log.debug("Closing {}: {}", session.clientId, why);
        connection.closeReason = "protocol_error";
        Disconnects.send(connection, Disconnects.PROTOCOL_ERROR, connection.problemInformation ? why : null);
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        Connection connection = session.connection();
        if (event instanceof IdleStateEvent && connection != null) {
            log.debug("Closing {}: silent past its keep-alive", session.clientId);
            connection.closeReason = "keepalive_timeout";
            Disconnects.send(connection, Disconnects.KEEP_ALIVE_TIMEOUT, null);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && session.isActive()) {
            session.flow().writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.connectionLost();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing {}: {}", session.clientId, cause.toString());
        ctx.close();
    }
}
