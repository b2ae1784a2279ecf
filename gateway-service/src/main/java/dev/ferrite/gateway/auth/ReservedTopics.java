package dev.ferrite.gateway.auth;

/** Topics only the platform's internal principals may use: {@code $internal/...} and {@code $events/...}. */
public final class ReservedTopics {

    private ReservedTopics() {
    }

    public static boolean isReserved(String topicOrFilter) {
        return topicOrFilter.startsWith("$internal/") || topicOrFilter.equals("$internal")
                || topicOrFilter.startsWith("$events/") || topicOrFilter.equals("$events");
    }
}
