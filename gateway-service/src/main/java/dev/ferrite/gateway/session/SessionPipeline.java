package dev.ferrite.gateway.session;

import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.PipelineNames;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateHandler;

/** How a connection's pipeline changes once its CONNECT is accepted. */
final class SessionPipeline {

    private SessionPipeline() {
    }

    static void afterConnect(ChannelHandlerContext connectStage, SessionHandler session, int keepAliveSeconds) {
        connectStage.pipeline().remove(PipelineNames.CONNECT_TIMEOUT);
        if (keepAliveSeconds > 0) {
            // MQTT 3.1.2.10: the server closes a client silent for one and a half keep-alive periods.
            connectStage.pipeline().addBefore(PipelineNames.CONNECT, PipelineNames.KEEP_ALIVE,
                    new IdleStateHandler(keepAliveSeconds * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
        connectStage.pipeline().replace(connectStage.handler(), PipelineNames.SESSION, session);
    }
}
