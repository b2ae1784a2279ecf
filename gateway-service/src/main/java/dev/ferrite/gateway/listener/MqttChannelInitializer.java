package dev.ferrite.gateway.listener;

import dev.ferrite.gateway.session.ConnectHandler;
import dev.ferrite.gateway.session.SessionServices;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** MQTT straight over TCP: the MQTT stages and nothing before them. */
class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final GatewayProperties properties;
    private final SessionServices services;

    MqttChannelInitializer(GatewayProperties properties, SessionServices services) {
        this.properties = properties;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.attr(ConnectHandler.LISTENER).set("tcp");
        MqttStages.addTo(channel.pipeline(), properties, services);
    }
}
