package dev.ferrite.bench.mqtt;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** The role of an idle connection: nothing to do once connected (keep-alive is handled before it). */
@ChannelHandler.Sharable
final class IdleClient extends ChannelInboundHandlerAdapter {

    static final IdleClient INSTANCE = new IdleClient();

    private IdleClient() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
