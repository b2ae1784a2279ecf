package dev.ferrite.bench.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * What every benchmark payload starts with: the send time ({@link System#nanoTime()} of this
 * process, so publisher and subscriber must be in the same JVM), the publisher's number and the
 * message's sequence number within that publisher. The rest of the payload is zeros.
 */
final class Probe {

    static final int SIZE = Long.BYTES + Integer.BYTES + Integer.BYTES;

    private Probe() {
    }

    static ByteBuf write(ByteBufAllocator allocator, int payloadSize, long sentAtNanos, int publisher, int sequence) {
        ByteBuf payload = allocator.buffer(payloadSize, payloadSize);
        payload.writeLong(sentAtNanos).writeInt(publisher).writeInt(sequence);
        payload.writeZero(payloadSize - SIZE);
        return payload;
    }

    static boolean fits(ByteBuf payload) {
        return payload.readableBytes() >= SIZE;
    }

    static long sentAtNanos(ByteBuf payload) {
        return payload.getLong(payload.readerIndex());
    }

    static int publisher(ByteBuf payload) {
        return payload.getInt(payload.readerIndex() + Long.BYTES);
    }

    static int sequence(ByteBuf payload) {
        return payload.getInt(payload.readerIndex() + Long.BYTES + Integer.BYTES);
    }
}
