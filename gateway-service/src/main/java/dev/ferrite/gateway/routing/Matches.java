package dev.ferrite.gateway.routing;

import java.util.List;
import java.util.Map;

/**
 * The subscribers of one topic name.
 *
 * @param clients one entry per client with a non-shared subscription that matches: the highest
 *                QoS among its matching subscriptions and all their subscription identifiers
 *                (ascending, without repeats, so that what a client receives does not depend on
 *                the order the index found its subscriptions in)
 * @param shared the matching shared subscriptions by share group and filter, each naming its members
 */
public record Matches(Map<String, ClientMatch> clients, Map<SharedKey, List<Subscription>> shared) {

    /**
     * A client's merged match. {@code noLocal} holds only when every matching subscription sets
     * No Local (one without it still delivers); {@code retainAsPublished} when any sets it.
     */
    public record ClientMatch(int qos, List<Integer> subscriptionIdentifiers, boolean noLocal, boolean retainAsPublished) {
    }

    /** A share group: {@code $share/group/filter}. */
    public record SharedKey(String group, String topicFilter) {
    }

    public static final Matches NONE = new Matches(Map.of(), Map.of());

    public boolean isEmpty() {
        return clients.isEmpty() && shared.isEmpty();
    }
}
