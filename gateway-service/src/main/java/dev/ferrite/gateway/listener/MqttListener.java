package dev.ferrite.gateway.listener;

import java.net.BindException;
import java.net.InetSocketAddress;

import dev.ferrite.gateway.session.SessionServices;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The MQTT/TCP listener: opens with the application and closes before it stops. */
@Component
public class MqttListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttListener.class);

    private final GatewayProperties properties;
    private final SessionServices services;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;

    public MqttListener(GatewayProperties properties, SessionServices services) {
        this.properties = properties;
        this.services = services;
    }

    @Override
    public synchronized void start() {
        GatewayProperties.Listener tcp = properties.tcp();
        if (!tcp.enabled()) {
            return;
        }
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            server = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new MqttChannelInitializer(properties, services))
                    .bind(new InetSocketAddress(tcp.bind(), tcp.port()))
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            stop();
            if (e instanceof BindException) {
                throw new IllegalStateException("MQTT/TCP cannot listen on " + tcp.bind() + ":" + tcp.port()
                        + ": " + e.getMessage() + "; change ferrite.gateway.tcp.port or ferrite.gateway.tcp.bind", e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        log.info("MQTT/TCP listening on {}", server.localAddress());
    }

    /** The port really bound (useful when configured as 0). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        if (workers != null) {
            workers.shutdownGracefully().syncUninterruptibly();
            boss.shutdownGracefully().syncUninterruptibly();
            workers = null;
            boss = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
