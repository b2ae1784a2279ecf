package dev.ferrite.bench.mqtt;

import java.util.concurrent.CompletableFuture;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;

/** Sends CONNECT once the TCP connection is up and completes {@code connected} on a successful CONNACK. */
final class ConnectHandshake extends ChannelInboundHandlerAdapter {

    private final String clientId;
    private final MqttVersion version;
    private final int keepAliveSeconds;
    private final CompletableFuture<Channel> connected;

    ConnectHandshake(String clientId, MqttVersion version, int keepAliveSeconds, CompletableFuture<Channel> connected) {
        this.clientId = clientId;
        this.version = version;
        this.keepAliveSeconds = keepAliveSeconds;
        this.connected = connected;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(MqttMessageBuilders.connect()
                .clientId(clientId)
                .protocolVersion(version)
                .cleanSession(true)
                .keepAlive(keepAliveSeconds)
                .build());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttConnAckMessage connAck)) {
            ReferenceCountUtil.release(msg);
            fail(ctx, "expected CONNACK, got " + describe(msg));
            return;
        }
        MqttConnectReturnCode code = connAck.variableHeader().connectReturnCode();
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            fail(ctx, "CONNACK refused the connection: " + code);
            return;
        }
        ctx.pipeline().remove(this);
        connected.complete(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connected.completeExceptionally(new IllegalStateException(clientId + ": connection closed before CONNACK"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connected.completeExceptionally(cause);
        ctx.close();
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        connected.completeExceptionally(new IllegalStateException(clientId + ": " + why));
        ctx.close();
    }

    private static String describe(Object msg) {
        if (msg instanceof MqttMessage message) {
            return message.decoderResult().isFailure() ? "an unreadable packet (" + message.decoderResult().cause() + ")"
                    : String.valueOf(message.fixedHeader().messageType());
        }
        return String.valueOf(msg);
    }
}
