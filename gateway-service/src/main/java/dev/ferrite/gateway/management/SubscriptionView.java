package dev.ferrite.gateway.management;

import dev.ferrite.gateway.routing.Subscription;
import dev.ferrite.gateway.topic.TopicFilter;

/**
 * A subscription in EMQX 5's shape: the filter as the client wrote it ({@code $share/group/filter}
 * for a shared one) and its options as numbers ({@code nl}, {@code rap}, {@code rh}).
 */
public record SubscriptionView(String clientid, String topic, int qos, int nl, int rap, int rh, String node) {

    static SubscriptionView of(Subscription subscription, String node) {
        String written = new TopicFilter(subscription.shareGroup(), subscription.topicFilter()).asWritten();
        return new SubscriptionView(subscription.clientId(), written, subscription.qos(), subscription.noLocal() ? 1 : 0,
                subscription.retainAsPublished() ? 1 : 0, subscription.retainHandling(), node);
    }
}
