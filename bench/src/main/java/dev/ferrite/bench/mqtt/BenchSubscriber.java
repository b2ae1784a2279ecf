package dev.ferrite.bench.mqtt;

import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.util.ReferenceCountUtil;

/**
 * One subscribing client: subscribes to its filter, acknowledges what it receives, and checks
 * every probe against the stream of the publisher that sent it. Its state belongs to its
 * channel's event loop.
 */
final class BenchSubscriber extends ChannelInboundHandlerAdapter {

    private static final int SUBSCRIBE_PACKET_ID = 1;

    private final String filter;
    private final MqttQoS qos;
    private final BenchPublisher[] publishers;
    private final int firstSource;
    private final StreamTracker[] streams;
    private final Measurement measurement;
    private final CompletableFuture<Integer> grantedQos = new CompletableFuture<>();
    private long strays;

    /**
     * @param publishers every publisher of the run, by index
     * @param firstSource the first publisher this subscriber receives from
     * @param sourceCount how many consecutive publishers it receives from
     */
    BenchSubscriber(String filter, MqttQoS qos, BenchPublisher[] publishers, int firstSource, int sourceCount,
            Measurement measurement) {
        this.filter = filter;
        this.qos = qos;
        this.publishers = publishers;
        this.firstSource = firstSource;
        this.streams = new StreamTracker[sourceCount];
        for (int i = 0; i < sourceCount; i++) {
            streams[i] = new StreamTracker();
        }
        this.measurement = measurement;
    }

    /** @return the QoS the broker granted (0x80 and above: refused) */
    CompletableFuture<Integer> subscribe(Channel channel) {
        channel.writeAndFlush(MqttMessageBuilders.subscribe()
                .messageId(SUBSCRIBE_PACKET_ID)
                .addSubscription(qos, filter)
                .build());
        return grantedQos;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof MqttMessage message) || message.decoderResult().isFailure()) {
                throw new IllegalStateException(filter + ": unreadable packet from the broker");
            }
            switch (message.fixedHeader().messageType()) {
                case PUBLISH -> received(ctx, (MqttPublishMessage) message);
                case PUBREL -> ctx.write(reply(MqttMessageType.PUBCOMP, packetId(message)));
                case SUBACK -> grantedQos.complete(((MqttSubAckMessage) message).payload().reasonCodes().get(0));
                default -> { } // nothing else concerns a subscriber
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void received(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        long now = System.nanoTime();
        switch (publish.fixedHeader().qosLevel()) {
            case AT_LEAST_ONCE -> ctx.write(reply(MqttMessageType.PUBACK, publish.variableHeader().packetId()));
            case EXACTLY_ONCE -> ctx.write(reply(MqttMessageType.PUBREC, publish.variableHeader().packetId()));
            default -> { }
        }
        ByteBuf payload = publish.payload();
        int stream = Probe.fits(payload) ? Probe.publisher(payload) - firstSource : -1;
        if (stream < 0 || stream >= streams.length) {
            strays++;
            return;
        }
        if (streams[stream].record(Probe.sequence(payload))) {
            measurement.received(now - Probe.sentAtNanos(payload));
            publishers[firstSource + stream].delivered();
        }
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    private static MqttMessage reply(MqttMessageType type, int packetId) {
        return new MqttMessage(new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(packetId));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        grantedQos.completeExceptionally(cause);
        ctx.close();
    }

    int firstSource() {
        return firstSource;
    }

    /** The stream of publisher {@code firstSource() + i}; read it only once the event loops have stopped. */
    StreamTracker stream(int i) {
        return streams[i];
    }

    int streamCount() {
        return streams.length;
    }

    /** Messages that were not this subscriber's probes (another payload, or a publisher it should not hear). */
    long strays() {
        return strays;
    }
}
