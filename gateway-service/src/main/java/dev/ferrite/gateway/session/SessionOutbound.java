package dev.ferrite.gateway.session;

import dev.ferrite.gateway.routing.Delivery;
import dev.ferrite.gateway.routing.Outbound;
import io.netty.buffer.Unpooled;

import org.springframework.stereotype.Component;

/** Delivers routed messages to the sessions connected here, each on its own event loop. */
@Component
class SessionOutbound implements Outbound {

    private final ConnectedClients clients;

    SessionOutbound(ConnectedClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean deliver(String clientId, Delivery delivery) {
        return clients.find(clientId).map(session -> {
            session.execute(() -> session.channel().writeAndFlush(Deliveries.publish(session,
                    delivery.message().topic(), Unpooled.wrappedBuffer(delivery.message().payload()), delivery.qos(),
                    delivery.retain(), delivery.message().properties())));
            return true;
        }).orElse(false);
    }

    @Override
    public boolean isConnected(String clientId) {
        return clients.find(clientId).isPresent();
    }
}
