package dev.ferrite.gateway.session;

import dev.ferrite.gateway.auth.Authenticator;
import dev.ferrite.gateway.auth.InternalPrincipals;
import dev.ferrite.gateway.events.BrokerEvents;
import dev.ferrite.gateway.listener.GatewayProperties;
import dev.ferrite.gateway.node.NodeProperties;
import dev.ferrite.gateway.publish.Publisher;
import dev.ferrite.gateway.retained.RetainedMessages;
import dev.ferrite.gateway.routing.Router;
import dev.ferrite.gateway.routing.SubscriptionIndex;
import dev.ferrite.gateway.traffic.TrafficCounters;
import dev.ferrite.gateway.will.Wills;

import org.springframework.stereotype.Component;

/** What a connection's stages need from the node. */
@Component
public record SessionServices(
        GatewayProperties gateway,
        SessionProperties sessionProperties,
        LimitProperties limits,
        SessionRegistry registry,
        SubscriptionIndex subscriptions,
        Router router,
        Publisher publisher,
        RetainedMessages retained,
        Wills wills,
        BrokerEvents events,
        Authenticator authenticator,
        InternalPrincipals internalPrincipals,
        ConnectionRate connectionRate,
        TrafficCounters traffic,
        NodeProperties node) {
}
