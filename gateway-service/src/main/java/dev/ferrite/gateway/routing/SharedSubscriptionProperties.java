package dev.ferrite.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ferrite.gateway.shared-subscription.*}: how share groups pick a member. */
@ConfigurationProperties("ferrite.gateway.shared-subscription")
public record SharedSubscriptionProperties(@DefaultValue("round-robin") SharedStrategy strategy) {
}
