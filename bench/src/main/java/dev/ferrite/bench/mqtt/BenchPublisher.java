package dev.ferrite.bench.mqtt;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;

/**
 * One publishing client: sends probes to its topic, numbered from 0, at the offered load, and
 * completes the QoS 1 and 2 flows. Its state belongs to its channel's event loop; subscribers
 * (on any event loop) only call {@link #delivered()}.
 */
final class BenchPublisher extends ChannelInboundHandlerAdapter {

    private final int index;
    private final String topic;
    private final MqttQoS qos;
    private final int payloadSize;
    private final OfferedLoad load;
    private final int receivers;
    private final Measurement measurement;
    private final PacketIds packetIds = new PacketIds();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicBoolean parked = new AtomicBoolean();
    private volatile Channel channel;
    private volatile boolean running;
    /** Written by the event loop only; read by others to follow progress. */
    private volatile long sent;
    private long firstDueNanos;
    private long periodNanos;
    private boolean acknowledged;

    /** @param receivers how many subscribers receive each of its messages */
    BenchPublisher(int index, String topic, MqttQoS qos, int payloadSize, OfferedLoad load, int receivers,
            Measurement measurement) {
        this.index = index;
        this.topic = topic;
        this.qos = qos;
        this.payloadSize = payloadSize;
        this.load = load;
        this.receivers = receivers;
        this.measurement = measurement;
    }

    void attach(Channel connected) {
        this.channel = connected;
    }

    /**
     * Starts sending. At a fixed rate, its first message is due at {@code firstDueNanos} and one
     * more every {@code periodNanos}; a {@link RatePacer} must then call {@link #sendDue(long, long)}.
     */
    void start(long firstDueNanos, long periodNanos) {
        channel.eventLoop().execute(() -> {
            this.firstDueNanos = firstDueNanos;
            this.periodNanos = periodNanos;
            running = true;
            if (!load.isFixedRate()) {
                pump();
            }
        });
    }

    void stop() {
        running = false;
    }

    /** A subscriber received one of this publisher's messages for the first time. */
    void delivered() {
        long delivered = deliveries.incrementAndGet();
        if (parked.get() && sent * receivers - delivered <= (long) load.window() * receivers / 2
                && parked.compareAndSet(true, false)) {
            channel.eventLoop().execute(this::pump);
        }
    }

    /**
     * Fixed rate: sends every message due by {@code nowNanos}; call on this publisher's event loop.
     * A message sent late only because of the pacer's granularity is stamped with its real send
     * time; one held back longer (connection not writable, packet identifiers exhausted) with the
     * time it was due, so that the broker's backpressure shows in the latency.
     */
    void sendDue(long nowNanos, long onTimeNanos) {
        boolean any = false;
        while (running && dueNanos(sent) <= nowNanos && canWrite()) {
            long due = dueNanos(sent);
            send(nowNanos - due <= onTimeNanos ? nowNanos : due);
            any = true;
        }
        if (any) {
            channel.flush();
        }
    }

    private long dueNanos(long sequence) {
        return firstDueNanos + sequence * periodNanos;
    }

    /** Closed loop: sends while the window is open, then parks until deliveries or acknowledgements reopen it. */
    private void pump() {
        boolean any = false;
        while (running && canWrite()) { // when it cannot write, channelWritabilityChanged resumes it
            if (!windowOpen()) {
                parked.set(true);
                if (!windowOpen() || !parked.compareAndSet(true, false)) {
                    break; // parked: delivered() or an acknowledgement resumes it
                }
                continue; // a delivery reopened the window before it could see the publisher parked
            }
            send(System.nanoTime());
            any = true;
        }
        if (any) {
            channel.flush();
        }
    }

    private boolean windowOpen() {
        return sent * receivers - deliveries.get() < (long) load.window() * receivers
                && (qos == MqttQoS.AT_MOST_ONCE || packetIds.inUse() < load.window());
    }

    private boolean canWrite() {
        return channel.isWritable() && (qos == MqttQoS.AT_MOST_ONCE || packetIds.inUse() < PacketIds.MAX_IN_USE);
    }

    private void send(long stampNanos) {
        int sequence = (int) sent;
        ByteBuf payload = Probe.write(channel.alloc(), payloadSize, stampNanos, index, sequence);
        int packetId = qos == MqttQoS.AT_MOST_ONCE ? 0 : packetIds.take();
        channel.write(new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, false, qos, false, 0),
                new MqttPublishVariableHeader(topic, packetId), payload), channel.voidPromise());
        sent = sequence + 1L;
        measurement.published();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof MqttMessage message) || message.decoderResult().isFailure()) {
                throw new IllegalStateException(topic + ": unreadable packet from the broker");
            }
            switch (message.fixedHeader().messageType()) {
                case PUBACK, PUBCOMP -> {
                    packetIds.release(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
                    acknowledged = true;
                }
                case PUBREC -> ctx.write(new MqttMessage(
                        new MqttFixedHeader(MqttMessageType.PUBREL, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                        MqttMessageIdVariableHeader.from(((MqttMessageIdVariableHeader) message.variableHeader()).messageId())));
                default -> { } // nothing else concerns a publisher
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        if (acknowledged && !load.isFixedRate()) {
            acknowledged = false;
            pump();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !load.isFixedRate()) {
            pump();
        }
        ctx.fireChannelWritabilityChanged();
    }

    int index() {
        return index;
    }

    Channel channel() {
        return channel;
    }

    long sent() {
        return sent;
    }

    long deliveries() {
        return deliveries.get();
    }

    int receivers() {
        return receivers;
    }

    /** QoS 1 and 2 messages the broker has not acknowledged (complete only once the event loops stopped). */
    int unacknowledged() {
        return packetIds.inUse();
    }

    long unknownAcks() {
        return packetIds.unknownAcks();
    }
}
