package dev.ferrite.gateway.session;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ferrite.gateway.auth.AuthDecision;
import dev.ferrite.gateway.auth.ClientPermissions;
import dev.ferrite.gateway.auth.InternalPrincipals;
import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicName;
import dev.ferrite.gateway.will.Will;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The barrier stage: the first packet must be a CONNECT, and nothing passes until it has been
 * authenticated and its session is ready. Packets that arrive meanwhile are held and handed to
 * the session stage, which then takes this stage's place.
 */
public class ConnectHandler extends ChannelInboundHandlerAdapter {

    /** The name of the listener a channel came through ({@code tcp}, {@code ws}, ...); set by the listener. */
    public static final AttributeKey<String> LISTENER = AttributeKey.valueOf("ferrite.listener");

    private static final Logger log = LoggerFactory.getLogger(ConnectHandler.class);

    private final SessionServices services;
    private final List<Object> held = new ArrayList<>();
    private boolean connectReceived;
    private Session session;

    public ConnectHandler(SessionServices services) {
        this.services = services;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (connectReceived) {
            held.add(msg);
            return;
        }
        try {
            if (!(msg instanceof MqttMessage message)) {
                ctx.close();
            } else if (message.decoderResult().isFailure()) {
                rejectUnreadable(ctx, message.decoderResult().cause());
            } else if (!(message instanceof MqttConnectMessage connect)) {
                log.debug("Closing {}: first packet was {}, not CONNECT", ctx.channel().remoteAddress(),
                        message.fixedHeader().messageType());
                ctx.close();
            } else {
                connectReceived = true;
                ctx.channel().config().setAutoRead(false);
                accept(ctx, ConnectRequest.of(connect), connect);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void rejectUnreadable(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            log.debug("Refused {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
            InetSocketAddress peer = remote(ctx);
            services.events().connectRefused(null, null, peer == null ? null : peer.getAddress().getHostAddress(),
                    ConnAcks.UNSUPPORTED_PROTOCOL_VERSION);
            ConnAcks.refuse(ctx.channel(), false, ConnAcks.UNSUPPORTED_PROTOCOL_VERSION, null);
        } else {
            log.debug("Closing {}: unreadable CONNECT: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    private void accept(ChannelHandlerContext ctx, ConnectRequest request, MqttConnectMessage connect) {
        boolean v5 = request.v5();
        if (request.protocolError() != null) {
            refuse(ctx, request, ConnAcks.PROTOCOL_ERROR, request.protocolError());
            return;
        }
        String clientId = request.clientId();
        boolean assigned = clientId == null || clientId.isEmpty();
        if (assigned && !v5 && !request.cleanStart()) {
            refuse(ctx, request, ConnAcks.CLIENT_IDENTIFIER_NOT_VALID,
                    "a 3.1.1 client without a client id must set clean session");
            return;
        }
        if (assigned) {
            clientId = "ferrite-" + UUID.randomUUID();
        }
        if (!services.connectionRate().tryAcquire(listener(ctx))) {
            services.events().limitExceeded("max_connection_rate", clientId);
            refuse(ctx, request, ConnAcks.CONNECTION_RATE_EXCEEDED, "too many connections per second on this listener");
            return;
        }
        int maxConnections = services.limits().maxConnections();
        if (maxConnections > 0 && services.registry().connectedCount() >= maxConnections) {
            services.events().limitExceeded("max_connections", clientId);
            refuse(ctx, request, ConnAcks.QUOTA_EXCEEDED, "the node holds its maximum number of connections");
            return;
        }
        Will will = Will.of(clientId, connect);
        if (will != null && !isValidTopic(will.topic())) {
            refuse(ctx, request, ConnAcks.TOPIC_NAME_INVALID, "the will topic is not a valid topic name");
            return;
        }
        String id = clientId;
        if (services.internalPrincipals().isInternal(request.username(), request.password())) {
            open(ctx, request, id, assigned, will, new AuthDecision.Allowed(ClientPermissions.INTERNAL, true, 0));
            return;
        }
        if (InternalPrincipals.USERNAME.equals(request.username())) {
            log.warn("Refused {} from {}: user name {} with a wrong internal token", id, ctx.channel().remoteAddress(),
                    InternalPrincipals.USERNAME);
            refuse(ctx, request, ConnAcks.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
            return;
        }
        services.authenticator()
                .authenticate(request.credentials(id, remote(ctx), listener(ctx), isLoopbackListener(ctx)))
                .whenComplete((decision, error) -> ctx.executor().execute(() -> {
                    if (error != null) {
                        log.warn("Refused {}: authentication failed to answer: {}", id, error.toString());
                        refuse(ctx, request, ConnAcks.SERVER_UNAVAILABLE, "authentication is unavailable");
                    } else if (decision instanceof AuthDecision.Refused refused) {
                        log.info("Refused {} from {}: {}", id, ctx.channel().remoteAddress(), refused.reason());
                        refuse(ctx, request, refused.reasonCode(), refused.reason());
                    } else {
                        open(ctx, request, id, assigned, will, (AuthDecision.Allowed) decision);
                    }
                }));
    }

    private void open(ChannelHandlerContext ctx, ConnectRequest request, String clientId, boolean assigned, Will will,
            AuthDecision.Allowed allowed) {
        if (!ctx.channel().isActive()) {
            return;
        }
        SessionProperties settings = services.sessionProperties();
        long maxExpiry = settings.expiryIntervalMax().toSeconds();
        long expiry = Math.min(request.sessionExpiry(), maxExpiry);
        int keepAlive = request.v5() && settings.serverKeepAlive() != null
                ? (int) settings.serverKeepAlive().toSeconds() : request.keepAlive();
        ClientInfo client = new ClientInfo(clientId, request.username(), remote(ctx),
                (InetSocketAddress) ctx.channel().localAddress(), listener(ctx), request.version().protocolLevel(),
                keepAlive, request.cleanStart(), expiry, System.currentTimeMillis(), allowed.internal());
        Connection connection = new Connection(ctx.channel(), client, request.v5(),
                Math.min(settings.maxInflight(), request.receiveMaximum()), request.maxPacketSize(),
                request.requestProblemInformation(),
                new Connection.TopicAliases(request.v5() ? settings.topicAliasMaximum() : 0, request.topicAliasMaximum()),
                allowed.internal() ? TokenBucket.UNLIMITED : new TokenBucket(services.limits().maxPublishRate()),
                allowed.permissions());
        if (will != null && !allowed.permissions().mayPublish(will.topic(), will.qos(), will.retain())) {
            log.info("Will of {} to {} dropped: not authorized", clientId, will.topic());
            will = null;
        }
        connection.will = will;
        ConnAck connAck = new ConnAck(request, clientId, assigned, expiry, keepAlive, settings,
                (int) services.gateway().maxPacketSize().toBytes());
        session = new Session(clientId, connection, expiry, services,
                (started, present) -> started(ctx, started, connAck, present));
        services.wills().clientConnected(clientId);
        Session previous = services.registry().replace(session);
        if (previous == null) {
            session.start(null);
        } else {
            Session next = session;
            previous.execute(() -> previous.handOver(next, request.cleanStart()));
        }
    }

    /** The session is ready: CONNACK, then the session stage takes over with the packets held so far. */
    private void started(ChannelHandlerContext ctx, Session started, ConnAck connAck, boolean sessionPresent) {
        ctx.writeAndFlush(connAck.accepted(sessionPresent));
        SessionHandler handler = new SessionHandler(started, services);
        SessionPipeline.afterConnect(ctx, handler, started.connection().client.keepAlive());
        ChannelHandlerContext sessionContext = ctx.pipeline().context(handler);
        ctx.executor().execute(() -> {
            for (Object message : held) {
                handler.channelRead(sessionContext, message);
            }
            held.clear();
            ctx.channel().config().setAutoRead(true);
        });
        log.debug("Client {} connected from {} (session present: {})", started.clientId,
                ctx.channel().remoteAddress(), sessionPresent);
    }

    private void refuse(ChannelHandlerContext ctx, ConnectRequest request, int reasonCode, String reason) {
        services.events().connectRefused(request.clientId(), request.username(),
                remote(ctx) == null ? null : remote(ctx).getAddress().getHostAddress(), reasonCode);
        ConnAcks.refuse(ctx.channel(), request.v5(), reasonCode,
                request.requestProblemInformation() ? reason : null);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.connectionLost();
        }
        held.forEach(ReferenceCountUtil::release);
        held.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing {} before its session: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private static boolean isValidTopic(String topic) {
        try {
            TopicName.validate(topic);
            return true;
        } catch (InvalidTopicException e) {
            return false;
        }
    }

    private static String listener(ChannelHandlerContext ctx) {
        String name = ctx.channel().attr(LISTENER).get();
        return name == null ? "tcp" : name;
    }

    private static InetSocketAddress remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address ? address : null;
    }

    private static boolean isLoopbackListener(ChannelHandlerContext ctx) {
        return ctx.channel().localAddress() instanceof InetSocketAddress local && local.getAddress().isLoopbackAddress();
    }
}
