package dev.ferrite.gateway.routing;

/**
 * One subscription of a session (MQTT 5 options included; 3.1.1 sessions use the defaults).
 *
 * @param topicFilter the filter without any {@code $share/group/} prefix
 * @param shareGroup the share group of a {@code $share/group/filter} subscription; null otherwise
 * @param subscriptionIdentifier MQTT 5 Subscription Identifier; 0 when none
 */
public record Subscription(
        String clientId,
        String topicFilter,
        String shareGroup,
        int qos,
        boolean noLocal,
        boolean retainAsPublished,
        int retainHandling,
        int subscriptionIdentifier) {

    public static Subscription of(String clientId, String topicFilter, int qos) {
        return new Subscription(clientId, topicFilter, null, qos, false, false, 0, 0);
    }

    public boolean isShared() {
        return shareGroup != null;
    }
}
