package dev.ferrite.gateway.topic;

import dev.ferrite.gateway.topic.InvalidTopicException.Reason;

/** Validates the topic name of a PUBLISH (MQTT 5 section 4.7): text rules and no wildcards. */
public final class TopicName {

    public static final int UNLIMITED_LEVELS = Integer.MAX_VALUE;

    private TopicName() {
    }

    /** @throws InvalidTopicException naming the rule the topic name breaks */
    public static String validate(String topicName) {
        return validate(topicName, UNLIMITED_LEVELS);
    }

    /** @throws InvalidTopicException naming the rule the topic name breaks */
    public static String validate(String topicName, int maxLevels) {
        TopicText.check(topicName, maxLevels);
        if (topicName.indexOf('+') >= 0 || topicName.indexOf('#') >= 0) {
            throw new InvalidTopicException(Reason.WILDCARD_IN_NAME, topicName);
        }
        return topicName;
    }

    /** MQTT 5 4.7.2: names starting with '$' are not matched by filters starting with a wildcard. */
    public static boolean isSystemTopic(String topicNameOrFirstLevel) {
        return topicNameOrFirstLevel.startsWith("$");
    }
}
