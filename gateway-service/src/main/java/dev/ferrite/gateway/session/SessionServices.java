package dev.ferrite.gateway.session;

import dev.ferrite.gateway.routing.Router;
import dev.ferrite.gateway.routing.SubscriptionIndex;

import org.springframework.stereotype.Component;

/** What a connection's handlers need from the node: who is connected, who subscribes to what, and routing. */
@Component
public record SessionServices(ConnectedClients clients, SubscriptionIndex subscriptions, Router router) {
}
