package dev.ferrite.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's subscription index (the in-memory topic tree) and its router. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    SubscriptionIndex subscriptionIndex() {
        return new TopicTree();
    }

    @Bean
    Router router(SubscriptionIndex subscriptions, Outbound outbound, SharedSubscriptionProperties properties) {
        return new Router(subscriptions, outbound, properties.strategy());
    }
}
