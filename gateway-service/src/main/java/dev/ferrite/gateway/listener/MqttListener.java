package dev.ferrite.gateway.listener;

import java.net.BindException;
import java.net.InetSocketAddress;

import dev.ferrite.gateway.session.SessionServices;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The MQTT listeners (TCP and WebSocket): open with the application, closed before it stops. */
@Component
public class MqttListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttListener.class);

    private final GatewayProperties properties;
    private final SessionServices services;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel tcp;
    private Channel webSocket;

    public MqttListener(GatewayProperties properties, SessionServices services) {
        this.properties = properties;
        this.services = services;
    }

    @Override
    public synchronized void start() {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            GatewayProperties.Listener tcpSettings = properties.tcp();
            if (tcpSettings.enabled()) {
                tcp = open("MQTT/TCP", "ferrite.gateway.tcp", tcpSettings.bind(), tcpSettings.port(),
                        new MqttChannelInitializer(properties, services));
            }
            GatewayProperties.WebSocketListener ws = properties.ws();
            if (ws.enabled()) {
                webSocket = open("MQTT/WebSocket", "ferrite.gateway.ws", ws.bind(), ws.port(),
                        new WebSocketChannelInitializer(properties, services));
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private Channel open(String name, String prefix, String bind, int port, ChannelInitializer<SocketChannel> stages) {
        Channel channel;
        try {
            channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // A slow consumer stops being written to (its deliveries queue, bounded) instead of growing our buffers.
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                    .childHandler(stages)
                    .bind(new InetSocketAddress(bind, port))
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            if (e instanceof BindException) {
                throw new IllegalStateException(name + " cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                        + "; change " + prefix + ".port or " + prefix + ".bind", e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        log.info("{} listening on {}", name, channel.localAddress());
        return channel;
    }

    /** The MQTT/TCP port really bound (useful when configured as 0). */
    public int tcpPort() {
        return ((InetSocketAddress) tcp.localAddress()).getPort();
    }

    /** The MQTT/WebSocket port really bound. */
    public int webSocketPort() {
        return ((InetSocketAddress) webSocket.localAddress()).getPort();
    }

    @Override
    public synchronized void stop() {
        for (Channel channel : new Channel[] {tcp, webSocket}) {
            if (channel != null) {
                channel.close().syncUninterruptibly();
            }
        }
        tcp = null;
        webSocket = null;
        if (workers != null) {
            workers.shutdownGracefully().syncUninterruptibly();
            boss.shutdownGracefully().syncUninterruptibly();
            workers = null;
            boss = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return boss != null;
    }
}
