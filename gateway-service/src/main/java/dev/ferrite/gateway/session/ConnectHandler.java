package dev.ferrite.gateway.session;

import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.PipelineNames;
import dev.ferrite.gateway.will.Will;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The barrier stage: the first packet must be a CONNECT, and nothing passes until it has been
 * accepted. Then the session stage takes its place.
 */
public class ConnectHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectHandler.class);

    private final SessionServices services;

    public ConnectHandler(SessionServices services) {
        this.services = services;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof MqttMessage message) || message.decoderResult().isFailure()) {
                log.debug("Closing {}: unreadable first packet", ctx.channel().remoteAddress());
                ctx.close();
                return;
            }
            if (!(message instanceof MqttConnectMessage connect)) {
                log.debug("Closing {}: first packet was {}, not CONNECT", ctx.channel().remoteAddress(),
                        message.fixedHeader().messageType());
                ctx.close();
                return;
            }
            accept(ctx, connect);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void accept(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        MqttVersion version = MqttVersion.fromProtocolNameAndLevel(connect.variableHeader().name(),
                (byte) connect.variableHeader().version());
        boolean v5 = version == MqttVersion.MQTT_5;
        if (!isLoopback(ctx)) {
            log.info("Refused {} from {}: anonymous clients are allowed only on loopback listeners until "
                    + "authentication is configured", connect.payload().clientIdentifier(), ctx.channel().remoteAddress());
            refuse(ctx, v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                    : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
            return;
        }
        String clientId = connect.payload().clientIdentifier();
        boolean assigned = clientId == null || clientId.isEmpty();
        if (assigned && !v5 && !connect.variableHeader().isCleanSession()) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
            return;
        }
        if (assigned) {
            clientId = "ferrite-" + UUID.randomUUID();
        }
        ClientSession session = new ClientSession(clientId, ctx.channel(), version, Will.of(clientId, connect));
        services.wills().clientConnected(clientId);
        services.clients().register(session).ifPresent(old -> old.execute(() -> {
            log.info("Client {} took over the session of {}", old.clientId(), old.channel().remoteAddress());
            old.channel().close();
        }));

        MqttProperties properties = new MqttProperties();
        if (assigned && v5) {
            properties.add(new MqttProperties.StringProperty(
                    MqttProperties.MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value(), clientId));
        }
        MqttConnAckMessage connAck = MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(false)
                .properties(properties)
                .build();
        ctx.pipeline().remove(PipelineNames.CONNECT_TIMEOUT);
        int keepAlive = connect.variableHeader().keepAliveTimeSeconds();
        if (keepAlive > 0) {
            // MQTT 3.1.2.10: the server closes a client silent for one and a half keep-alive periods.
            ctx.pipeline().addBefore(PipelineNames.CONNECT, "keep-alive",
                    new IdleStateHandler(keepAlive * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
        ctx.pipeline().replace(this, PipelineNames.SESSION, new SessionHandler(session, services));
        ctx.writeAndFlush(connAck);
        log.debug("Client {} connected from {} ({})", clientId, ctx.channel().remoteAddress(), version);
    }

    private static boolean isLoopback(ChannelHandlerContext ctx) {
        return ctx.channel().localAddress() instanceof InetSocketAddress local && local.getAddress().isLoopbackAddress();
    }

    private static void refuse(ChannelHandlerContext ctx, MqttConnectReturnCode code) {
        ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build())
                .addListener(ChannelFutureListener.CLOSE);
    }
}
