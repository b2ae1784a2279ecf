package dev.ferrite.gateway.listener;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.gateway.leak.RecordingAllocator;
import dev.ferrite.gateway.session.SessionServices;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttMessageType;

/**
 * One client connection that sends arbitrary bytes through the gateway's real MQTT stages
 * ({@link MqttStages}) and the node's real services, on an embedded channel: everything the
 * bytes cause happens synchronously on the caller's thread, so an exception escapes to the
 * caller and buffers can be checked the moment the connection is closed.
 */
final class FuzzedConnection {

    private final RecordingAllocator allocator = new RecordingAllocator();
    private final LoopbackEmbeddedChannel channel = new LoopbackEmbeddedChannel();
    private final BrokerStateWitness witness = new BrokerStateWitness();
    private final SessionServices services;

    FuzzedConnection(GatewayProperties properties, SessionServices services) {
        this.services = services;
        channel.config().setAllocator(allocator);
        MqttStages.addTo(channel.pipeline(), properties, services);
        channel.pipeline().addAfter(PipelineNames.ENCODER, "fuzz-witness", witness);
    }

    /**
     * Sends the bytes in two reads split in the middle, as TCP may deliver them, so the decoder
     * also resumes a packet cut short. Stops early when the gateway closes the connection.
     *
     * @throws RuntimeException (or anything else) that a stage let escape
     */
    void receive(byte[] bytes) {
        int half = bytes.length / 2;
        for (int[] part : new int[][] {{0, half}, {half, bytes.length}}) {
            if (!channel.isOpen()) {
                return;
            }
            ByteBuf read = allocator.heapBuffer(part[1] - part[0]);
            read.writeBytes(bytes, part[0], part[1] - part[0]);
            channel.writeInbound(read);
            channel.runPendingTasks(); // deliveries routed back to this connection
            channel.checkException();
        }
    }

    /**
     * Closes the connection as a client that goes away would, throws what escaped the stages
     * while they closed, releases what the gateway sent, and undoes what it left in the node
     * (sessions, retained messages, delayed wills) so that inputs do not pile up state.
     */
    void close() {
        try {
            channel.finishAndReleaseAll();
        } finally {
            witness.undo(services);
        }
    }

    /** The types of the packets the gateway sent on this connection, in order. */
    List<MqttMessageType> sentTypes() {
        return witness.sentTypes();
    }

    /** After {@link #close()}: every buffer the connection allocated or sent and did not release. */
    List<String> unreleasedBuffers() {
        List<String> unreleased = new ArrayList<>();
        for (ByteBuf buffer : allocator.unreleased()) {
            unreleased.add("allocated " + describe(buffer));
        }
        for (ByteBuf payload : witness.unreleasedPayloads()) {
            unreleased.add("sent payload " + describe(payload));
        }
        return unreleased;
    }

    private static String describe(ByteBuf buffer) {
        int shown = Math.min(buffer.capacity(), 64);
        return buffer.getClass().getSimpleName() + " refCnt=" + buffer.refCnt() + " capacity=" + buffer.capacity()
                + " bytes=" + ByteBufUtil.hexDump(buffer, 0, shown) + (shown < buffer.capacity() ? "..." : "");
    }
}
