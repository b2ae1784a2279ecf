package dev.ferrite.gateway.session;

import dev.ferrite.gateway.retained.RetainedMessages;
import dev.ferrite.gateway.publish.Publisher;
import dev.ferrite.gateway.routing.SubscriptionIndex;
import dev.ferrite.gateway.will.Wills;

import org.springframework.stereotype.Component;

/** What a connection's handlers need from the node: who is connected, who subscribes to what, routing, retained messages. */
@Component
public record SessionServices(ConnectedClients clients, SubscriptionIndex subscriptions, Publisher publisher,
        RetainedMessages retained, Wills wills) {
}
