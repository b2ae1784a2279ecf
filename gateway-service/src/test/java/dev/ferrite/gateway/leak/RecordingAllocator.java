package dev.ferrite.gateway.leak;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * Hands out unpooled buffers and remembers each one, so that a test can check, at once and
 * without waiting for the garbage collector, that everything allocated was released. Derived
 * buffers (slices, duplicates) share their parent's reference count, so checking the parents
 * covers them. Not thread-safe: one per embedded channel.
 */
public final class RecordingAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> handedOut = new ArrayList<>();

    public RecordingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return remember(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return remember(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
        return remember(super.compositeHeapBuffer(maxNumComponents));
    }

    @Override
    public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
        return remember(super.compositeDirectBuffer(maxNumComponents));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /** The buffers handed out so far that are still referenced. */
    public List<ByteBuf> unreleased() {
        return handedOut.stream().filter(buffer -> buffer.refCnt() > 0).toList();
    }

    private <B extends ByteBuf> B remember(B buffer) {
        handedOut.add(buffer);
        return buffer;
    }
}
