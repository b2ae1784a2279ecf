package dev.ferrite.gateway.message;

/**
 * The topics the broker publishes about itself. Messages on them are never the subject of an
 * event or a message count, so that reporting cannot feed on itself.
 */
public final class SystemTopics {

    public static final String SYS_PREFIX = "$SYS/";
    public static final String EVENTS_PREFIX = "$events/";

    private SystemTopics() {
    }

    public static boolean isSystem(String topic) {
        return topic.startsWith(SYS_PREFIX) || topic.startsWith(EVENTS_PREFIX);
    }
}
