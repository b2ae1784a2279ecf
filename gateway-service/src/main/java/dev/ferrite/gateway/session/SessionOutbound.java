package dev.ferrite.gateway.session;

import dev.ferrite.gateway.routing.Outbound;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

import org.springframework.stereotype.Component;

/** Delivers routed messages to the sessions connected here, each on its own event loop. */
@Component
class SessionOutbound implements Outbound {

    private final ConnectedClients clients;

    SessionOutbound(ConnectedClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean deliver(String clientId, MqttPublishMessage message, int qos, boolean retain) {
        return clients.find(clientId).map(session -> {
            MqttPublishMessage copy = message.retainedDuplicate();
            session.execute(() -> session.channel().writeAndFlush(Deliveries.publish(session,
                    copy.variableHeader().topicName(), copy.payload(), qos, retain, copy.variableHeader().properties())));
            return true;
        }).orElse(false);
    }
}
