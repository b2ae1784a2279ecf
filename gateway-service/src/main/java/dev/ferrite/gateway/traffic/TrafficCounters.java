package dev.ferrite.gateway.traffic;

import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.mqtt.MqttMessageType;

import org.springframework.stereotype.Component;

/**
 * What went over this node's MQTT connections, counted by two stages of every connection's
 * pipeline: {@link #byteCounter()} next to the socket (MQTT bytes, after any WebSocket framing
 * is removed) and {@link #packetCounter()} next to the session (packets by type, PUBLISHes by
 * QoS). Counted with {@link LongAdder}s: no lock and no allocation on the connection's thread.
 */
@Component
public class TrafficCounters {

    private static final int TYPES = 16;
    private static final int QOS_LEVELS = 3;

    final LongAdder bytesReceived = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder[] packetsReceived = adders(TYPES);
    final LongAdder[] packetsSent = adders(TYPES);
    final LongAdder[] publishesReceived = adders(QOS_LEVELS);
    final LongAdder[] publishesSent = adders(QOS_LEVELS);
    final LongAdder[] payloadBytesReceived = adders(QOS_LEVELS);
    final LongAdder[] payloadBytesSent = adders(QOS_LEVELS);
    final LongAdder connAckErrors = new LongAdder();
    final LongAdder connAckAuthErrors = new LongAdder();
    final LongAdder publishErrors = new LongAdder();
    final LongAdder publishAuthErrors = new LongAdder();

    private final ChannelHandler byteCounter = new ByteCounter(this);
    private final ChannelHandler packetCounter = new PacketCounter(this);

    /** The stage next to the socket; shared by every connection. */
    public ChannelHandler byteCounter() {
        return byteCounter;
    }

    /** The stage between the MQTT codec and the session; shared by every connection. */
    public ChannelHandler packetCounter() {
        return packetCounter;
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long packetsReceived(MqttMessageType type) {
        return packetsReceived[type.value()].sum();
    }

    public long packetsSent(MqttMessageType type) {
        return packetsSent[type.value()].sum();
    }

    public long packetsReceived() {
        return sum(packetsReceived);
    }

    public long packetsSent() {
        return sum(packetsSent);
    }

    /** PUBLISH packets received from clients at this QoS (EMQX's {@code messages.qosN.received}). */
    public long publishesReceived(int qos) {
        return publishesReceived[qos].sum();
    }

    /** PUBLISH packets sent to clients at this QoS (EMQX's {@code messages.qosN.sent}). */
    public long publishesSent(int qos) {
        return publishesSent[qos].sum();
    }

    public long payloadBytesReceived(int qos) {
        return payloadBytesReceived[qos].sum();
    }

    public long payloadBytesSent(int qos) {
        return payloadBytesSent[qos].sum();
    }

    /** CONNACKs sent with a refusal. */
    public long connAckErrors() {
        return connAckErrors.sum();
    }

    /** CONNACKs refusing bad credentials or an unauthorized client. */
    public long connAckAuthErrors() {
        return connAckAuthErrors.sum();
    }

    /** PUBACKs and PUBRECs sent with an error reason code. */
    public long publishErrors() {
        return publishErrors.sum();
    }

    /** PUBACKs and PUBRECs sent with "not authorized". */
    public long publishAuthErrors() {
        return publishAuthErrors.sum();
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    private static long sum(LongAdder[] adders) {
        long total = 0;
        for (LongAdder adder : adders) {
            total += adder.sum();
        }
        return total;
    }
}
