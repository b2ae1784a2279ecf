package dev.ferrite.gateway.topic;

import dev.ferrite.gateway.topic.InvalidTopicException.Reason;

/**
 * A validated topic filter of a SUBSCRIBE or UNSUBSCRIBE (MQTT 5 section 4.7, 4.8.2 for
 * {@code $share/group/filter}).
 *
 * @param shareGroup the group of a shared subscription; null otherwise
 * @param filter the filter without any {@code $share/group/} prefix
 */
public record TopicFilter(String shareGroup, String filter) {

    public static final String SHARE_PREFIX = "$share/";

    /** @throws InvalidTopicException naming the rule the filter breaks */
    public static TopicFilter parse(String topicFilter) {
        return parse(topicFilter, TopicName.UNLIMITED_LEVELS);
    }

    /**
     * @param maxLevels the most levels the filter (without a share prefix) may have
     * @throws InvalidTopicException naming the rule the filter breaks
     */
    public static TopicFilter parse(String topicFilter, int maxLevels) {
        if (!topicFilter.startsWith(SHARE_PREFIX)) {
            validateFilter(topicFilter, maxLevels);
            return new TopicFilter(null, topicFilter);
        }
        int groupEnd = topicFilter.indexOf(TopicText.SEPARATOR, SHARE_PREFIX.length());
        String group = groupEnd < 0
                ? topicFilter.substring(SHARE_PREFIX.length())
                : topicFilter.substring(SHARE_PREFIX.length(), groupEnd);
        String filter = groupEnd < 0 ? "" : topicFilter.substring(groupEnd + 1);
        return of(group, filter, maxLevels);
    }

    /**
     * A filter given as its parts, as a {@code Subscription} holds it.
     *
     * @param shareGroup the share group, or null for a filter that is not shared
     * @throws InvalidTopicException naming the rule the filter or group breaks
     */
    public static TopicFilter of(String shareGroup, String filter, int maxLevels) {
        if (shareGroup == null) {
            validateFilter(filter, maxLevels);
            return new TopicFilter(null, filter);
        }
        String written = SHARE_PREFIX + shareGroup + TopicText.SEPARATOR + filter;
        if (shareGroup.isEmpty() || shareGroup.indexOf(TopicText.SEPARATOR) >= 0
                || shareGroup.indexOf('+') >= 0 || shareGroup.indexOf('#') >= 0) {
            throw new InvalidTopicException(Reason.INVALID_SHARE_GROUP, written);
        }
        if (filter.isEmpty()) {
            throw new InvalidTopicException(Reason.EMPTY_SHARED_FILTER, written);
        }
        TopicText.check(written, Integer.MAX_VALUE);
        validateFilter(filter, maxLevels);
        return new TopicFilter(shareGroup, filter);
    }

    /** Validates a filter that has no share prefix (as {@code Subscription.topicFilter()} holds it). */
    public static void validateFilter(String filter, int maxLevels) {
        TopicText.check(filter, maxLevels);
        int last = filter.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = filter.charAt(i);
            boolean startsLevel = i == 0 || filter.charAt(i - 1) == TopicText.SEPARATOR;
            if (c == '+' && (!startsLevel || (i < last && filter.charAt(i + 1) != TopicText.SEPARATOR))) {
                throw new InvalidTopicException(Reason.SINGLE_LEVEL_WILDCARD_NOT_WHOLE_LEVEL, filter);
            }
            if (c == '#' && (!startsLevel || i != last)) {
                throw new InvalidTopicException(Reason.MULTI_LEVEL_WILDCARD_NOT_LAST, filter);
            }
        }
    }

    public boolean isShared() {
        return shareGroup != null;
    }

    /** The filter as a client writes it, with the share prefix of a shared subscription. */
    public String asWritten() {
        return isShared() ? SHARE_PREFIX + shareGroup + TopicText.SEPARATOR + filter : filter;
    }

    /**
     * Whether the filter matches a topic name (MQTT 5 4.7.1 and 4.7.2). The subscription index
     * matches through its tree; this is the reference the tree is tested against.
     */
    public boolean matches(String topicName) {
        String[] filterLevels = filter.split("/", -1);
        String[] nameLevels = topicName.split("/", -1);
        if (TopicName.isSystemTopic(topicName) && (filterLevels[0].equals("+") || filterLevels[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < filterLevels.length; i++) {
            if (filterLevels[i].equals("#")) {
                return true;
            }
            if (i == nameLevels.length) {
                return false;
            }
            if (!filterLevels[i].equals("+") && !filterLevels[i].equals(nameLevels[i])) {
                return false;
            }
        }
        return filterLevels.length == nameLevels.length;
    }
}
