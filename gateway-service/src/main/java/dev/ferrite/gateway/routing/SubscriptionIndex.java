package dev.ferrite.gateway.routing;

/**
 * Every session's subscriptions, indexed by topic filter so that a PUBLISH finds its
 * subscribers without looking at the others. Safe for concurrent use: sessions subscribe and
 * unsubscribe on their own threads while publishers match.
 */
public interface SubscriptionIndex {

    /**
     * Adds the subscription, replacing the same client's earlier one to the same filter (and share group).
     *
     * @throws dev.ferrite.gateway.topic.InvalidTopicException if the filter or share group breaks
     *         MQTT's rules, so that a bad filter can never sit in the index unmatched and unremovable
     */
    void add(Subscription subscription);

    /**
     * Removes the client's subscription to {@code topicFilter}, written as the client wrote it
     * (a shared one as {@code $share/group/filter}).
     *
     * @return whether there was one
     */
    boolean remove(String clientId, String topicFilter);

    /** Removes every subscription of the client, when its session ends. */
    void removeAll(String clientId);

    /** The subscribers of a topic name (never a filter): one entry per client, plus each share group. */
    Matches match(String topicName);

    /** How many subscriptions the index holds. */
    long size();
}
