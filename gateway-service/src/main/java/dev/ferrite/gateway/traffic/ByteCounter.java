package dev.ferrite.gateway.traffic;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** Counts the MQTT bytes a connection reads and writes (EMQX's {@code bytes.received} and {@code bytes.sent}). */
@ChannelHandler.Sharable
final class ByteCounter extends ChannelDuplexHandler {

    private final TrafficCounters counters;

    ByteCounter(TrafficCounters counters) {
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            counters.bytesReceived.add(bytes.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            counters.bytesSent.add(bytes.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
