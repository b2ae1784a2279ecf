package dev.ferrite.gateway.traffic;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * Counts decoded packets both ways, as EMQX's {@code emqx_metrics} does: packets by type,
 * PUBLISHes and their payload bytes by QoS, refused CONNACKs and failed PUBACK/PUBRECs.
 * Unreadable packets are not counted: their connection closes.
 */
@ChannelHandler.Sharable
final class PacketCounter extends ChannelDuplexHandler {

    private static final int NOT_AUTHORIZED = 0x87;
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    /** The 3.1.1 return codes for the same refusals. */
    private static final int V3_BAD_USER_NAME_OR_PASSWORD = 0x04;
    private static final int V3_NOT_AUTHORIZED = 0x05;
    private static final int FIRST_ERROR_CODE = 0x80;

    private final TrafficCounters counters;

    PacketCounter(TrafficCounters counters) {
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage packet && packet.decoderResult().isSuccess()) {
            MqttMessageType type = packet.fixedHeader().messageType();
            counters.packetsReceived[type.value()].increment();
            if (packet instanceof MqttPublishMessage publish && isQos(publish)) {
                int qos = publish.fixedHeader().qosLevel().value();
                counters.publishesReceived[qos].increment();
                counters.payloadBytesReceived[qos].add(publish.payload().readableBytes());
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttMessage packet) {
            MqttMessageType type = packet.fixedHeader().messageType();
            counters.packetsSent[type.value()].increment();
            switch (type) {
                case PUBLISH -> {
                    MqttPublishMessage publish = (MqttPublishMessage) packet;
                    int qos = publish.fixedHeader().qosLevel().value();
                    counters.publishesSent[qos].increment();
                    counters.payloadBytesSent[qos].add(publish.payload().readableBytes());
                }
                case CONNACK -> connAck((MqttConnAckMessage) packet);
                case PUBACK, PUBREC -> publishReply(packet);
                default -> {
                }
            }
        }
        ctx.write(msg, promise);
    }

    private void connAck(MqttConnAckMessage connAck) {
        int code = connAck.variableHeader().connectReturnCode().byteValue() & 0xFF;
        if (code == 0) {
            return;
        }
        counters.connAckErrors.increment();
        if (code == NOT_AUTHORIZED || code == BAD_USER_NAME_OR_PASSWORD || code == V3_NOT_AUTHORIZED
                || code == V3_BAD_USER_NAME_OR_PASSWORD) {
            counters.connAckAuthErrors.increment();
        }
    }

    private void publishReply(MqttMessage reply) {
        if (reply.variableHeader() instanceof MqttPubReplyMessageVariableHeader header) {
            int code = header.reasonCode() & 0xFF;
            if (code >= FIRST_ERROR_CODE) {
                counters.publishErrors.increment();
            }
            if (code == NOT_AUTHORIZED) {
                counters.publishAuthErrors.increment();
            }
        }
    }

    /** A PUBLISH with QoS 3 is malformed: the session closes its connection, and it counts as no message. */
    private static boolean isQos(MqttPublishMessage publish) {
        return publish.fixedHeader().qosLevel().value() <= 2;
    }
}
