package dev.ferrite.gateway.listener;

import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.session.ConnectHandler;
import dev.ferrite.gateway.session.SessionServices;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;

/** The whole protocol path of a new connection, stage by stage (see {@link PipelineNames}). */
class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final GatewayProperties properties;
    private final SessionServices services;

    MqttChannelInitializer(GatewayProperties properties, SessionServices services) {
        this.properties = properties;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast(PipelineNames.DECODER, new MqttDecoder((int) properties.maxPacketSize().toBytes()))
                .addLast(PipelineNames.ENCODER, MqttEncoder.INSTANCE)
                .addLast(PipelineNames.CONNECT_TIMEOUT,
                        new ReadTimeoutHandler(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(PipelineNames.CONNECT, new ConnectHandler(services));
    }
}
