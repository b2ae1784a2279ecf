package dev.ferrite.gateway.listener;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.session.SessionServices;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.EmptyByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * Sits between the MQTT codec and the gateway's stages of a fuzzed connection and notes what
 * the connection left in the node that outlives it (sessions, retained messages, delayed
 * wills), so that it can be undone before the next input, and which payload buffers the
 * gateway sent, so that their release can be checked. Passes everything on unchanged.
 */
class BrokerStateWitness extends ChannelDuplexHandler {

    private static final int ASSIGNED_CLIENT_IDENTIFIER =
            MqttProperties.MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value();

    private final Set<String> clientIds = new HashSet<>();
    private final Set<String> retainedTopics = new HashSet<>();
    private final List<ByteBuf> sentPayloads = new ArrayList<>();
    private final List<MqttMessageType> sentTypes = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage message && message.decoderResult().isSuccess()) {
            if (message instanceof MqttConnectMessage connect) {
                clientIds.add(connect.payload().clientIdentifier());
                if (connect.variableHeader().isWillFlag() && connect.variableHeader().isWillRetain()) {
                    retainedTopics.add(connect.payload().willTopic());
                }
            } else if (message instanceof MqttPublishMessage publish && publish.fixedHeader().isRetain()) {
                retainedTopics.add(publish.variableHeader().topicName());
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttMessage message) {
            sentTypes.add(message.fixedHeader().messageType());
        }
        if (msg instanceof MqttConnAckMessage connAck && connAck.variableHeader().properties() != null) {
            MqttProperties.MqttProperty<?> assigned = connAck.variableHeader().properties()
                    .getProperty(ASSIGNED_CLIENT_IDENTIFIER);
            if (assigned != null) {
                clientIds.add((String) assigned.value());
            }
        }
        if (msg instanceof ByteBufHolder holder && !(holder.content() instanceof EmptyByteBuf)) {
            // (the shared empty buffer of empty payloads is never released)
            sentPayloads.add(holder.content());
        }
        ctx.write(msg, promise);
    }

    /** The types of the packets the gateway sent, in order. */
    List<MqttMessageType> sentTypes() {
        return sentTypes;
    }

    /** The payloads of the packets the gateway sent that are still referenced. */
    List<ByteBuf> unreleasedPayloads() {
        return sentPayloads.stream().filter(payload -> payload.refCnt() > 0).toList();
    }

    /**
     * Ends what the connection left behind: its delayed will is cancelled, its session (kept
     * when it asked for a Session Expiry Interval) ends, and retained messages it may have set
     * are cleared.
     */
    void undo(SessionServices services) {
        for (String clientId : clientIds) {
            if (clientId != null) {
                services.wills().clientConnected(clientId);
                services.registry().kick(clientId);
            }
        }
        for (String topic : retainedTopics) {
            if (topic != null) {
                // An empty retained message clears its topic (MQTT 3.3.1.3).
                services.retained().store(Message.of("fuzz-cleanup", topic, new byte[0], 0, true, new MqttProperties(),
                        System.currentTimeMillis()));
            }
        }
    }
}
