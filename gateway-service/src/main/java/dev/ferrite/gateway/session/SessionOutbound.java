package dev.ferrite.gateway.session;

import dev.ferrite.gateway.routing.Outbound;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

import org.springframework.stereotype.Component;

/** Delivers routed messages to the sessions connected here, each on its own event loop. */
@Component
class SessionOutbound implements Outbound {

    private final ConnectedClients clients;

    SessionOutbound(ConnectedClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean deliver(String clientId, MqttPublishMessage message, int qos) {
        return clients.find(clientId).map(session -> {
            MqttPublishMessage copy = message.retainedDuplicate();
            session.execute(() -> session.channel().writeAndFlush(forSubscriber(copy, qos, session)));
            return true;
        }).orElse(false);
    }

    private static MqttPublishMessage forSubscriber(MqttPublishMessage message, int qos, ClientSession session) {
        int packetId = qos == 0 ? -1 : session.nextPacketId();
        return new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos), false, 0),
                new MqttPublishVariableHeader(message.variableHeader().topicName(), packetId,
                        message.variableHeader().properties()),
                message.payload());
    }
}
