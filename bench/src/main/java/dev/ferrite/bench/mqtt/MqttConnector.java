package dev.ferrite.bench.mqtt;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Opens MQTT connections to the broker, each from the next loopback source address, and hands
 * each one, once CONNACKed, to the handler that plays its role.
 */
final class MqttConnector implements AutoCloseable {

    /** Room for the largest benchmark payload (4 KiB and more) plus the PUBLISH header. */
    private static final int MAX_PACKET_BYTES = 1024 * 1024;
    private static final int CONNACK_TIMEOUT_SECONDS = 30;

    private final ClientSettings settings;
    private final Transport transport;
    private final EventLoopGroup eventLoops;
    private final SourceAddresses sources;
    private final InetSocketAddress broker;
    private final KeepAlive keepAlive;
    private final LongAdder pongs = new LongAdder();

    MqttConnector(ClientSettings settings) {
        this.settings = settings;
        this.transport = Transport.best();
        this.eventLoops = transport.eventLoops(settings.threads());
        this.sources = new SourceAddresses(settings.sourceAddresses());
        this.broker = new InetSocketAddress(settings.host(), settings.port());
        this.keepAlive = new KeepAlive(pongs);
    }

    /** Completes with the channel once the broker accepted the CONNECT; {@code role} then receives its packets. */
    CompletableFuture<Channel> connect(String clientId, ChannelHandler role) {
        CompletableFuture<Channel> connected = new CompletableFuture<>();
        new Bootstrap()
                .group(eventLoops)
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNACK_TIMEOUT_SECONDS * 1000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new MqttDecoder(MAX_PACKET_BYTES))
                                .addLast(MqttEncoder.INSTANCE)
                                .addLast(new IdleStateHandler(0, settings.keepAliveSeconds(), 0, TimeUnit.SECONDS))
                                .addLast(keepAlive)
                                .addLast(new ConnectHandshake(clientId, settings.version(), settings.keepAliveSeconds(),
                                        connected))
                                .addLast(role);
                        connected.whenComplete((ok, failure) -> {
                            if (failure != null) {
                                channel.close();
                            }
                        });
                    }
                })
                .connect(broker, sources.next())
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        connected.completeExceptionally(future.cause());
                    }
                });
        return connected.orTimeout(CONNACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** PINGRESPs received so far, all connections together. */
    long pongs() {
        return pongs.sum();
    }

    String transportName() {
        return transport.name();
    }

    /** Stops the event loops; every connection still open is closed. */
    @Override
    public void close() {
        eventLoops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
