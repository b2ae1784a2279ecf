package dev.ferrite.rules.sql.topic;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** MQTT topic filters (MQTT 5.0 section 4.7): checking one and matching topics against it. */
public final class TopicFilters {

    private static final int MAX_BYTES = 65_535;

    private TopicFilters() {
    }

    /** @return why the filter is invalid, or empty when it is a valid MQTT topic filter */
    public static Optional<String> problem(String filter) {
        if (filter.isEmpty()) {
            return Optional.of("a topic filter cannot be empty");
        }
        if (filter.indexOf('\u0000') >= 0) {
            return Optional.of("a topic filter cannot contain the null character");
        }
        if (filter.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("a topic filter cannot be longer than 65535 bytes");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return Optional.of("'#' must be a whole level and the last one");
            }
            if (level.contains("+") && !level.equals("+")) {
                return Optional.of("'+' must be a whole level");
            }
        }
        return Optional.empty();
    }

    /** Whether the topic name matches the filter; wildcards at the first level never match a topic starting with '$'. */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        int f = 0;
        int t = 0;
        while (true) {
            int filterEnd = levelEnd(filter, f);
            int topicEnd = levelEnd(topic, t);
            boolean multiLevel = filterEnd - f == 1 && filter.charAt(f) == '#';
            if (multiLevel) {
                return true;
            }
            boolean singleLevel = filterEnd - f == 1 && filter.charAt(f) == '+';
            boolean sameLevel = filterEnd - f == topicEnd - t && filter.regionMatches(f, topic, t, filterEnd - f);
            if (!singleLevel && !sameLevel) {
                return false;
            }
            boolean filterDone = filterEnd == filter.length();
            boolean topicDone = topicEnd == topic.length();
            if (filterDone || topicDone) {
                // "a/#" also matches "a": the parent level of a multi-level wildcard
                return filterDone && topicDone || topicDone && filter.regionMatches(filterEnd, "/#", 0, 2)
                        && filterEnd + 2 == filter.length();
            }
            f = filterEnd + 1;
            t = topicEnd + 1;
        }
    }

    private static int levelEnd(String text, int from) {
        int slash = text.indexOf('/', from);
        return slash < 0 ? text.length() : slash;
    }
}
