package dev.ferrite.gateway.topic;

import dev.ferrite.gateway.topic.InvalidTopicException.Reason;

/** The rules topic names and filters share: MQTT 5 sections 1.5.4 and 4.7.3. */
final class TopicText {

    static final int MAX_UTF8_BYTES = 65_535;
    static final char SEPARATOR = '/';

    private TopicText() {
    }

    /** Checks the text rules and the number of levels. */
    static void check(String topic, int maxLevels) {
        if (topic.isEmpty()) {
            throw new InvalidTopicException(Reason.EMPTY, topic);
        }
        long utf8Bytes = 0;
        int levels = 1;
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '\0') {
                throw new InvalidTopicException(Reason.CONTAINS_NULL, topic);
            } else if (c == SEPARATOR) {
                levels++;
                utf8Bytes++;
            } else if (c < 0x80) {
                utf8Bytes++;
            } else if (c < 0x800) {
                utf8Bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == topic.length() || !Character.isLowSurrogate(topic.charAt(i + 1))) {
                    throw new InvalidTopicException(Reason.MALFORMED_UTF16, topic);
                }
                utf8Bytes += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidTopicException(Reason.MALFORMED_UTF16, topic);
            } else {
                utf8Bytes += 3;
            }
        }
        if (utf8Bytes > MAX_UTF8_BYTES) {
            throw new InvalidTopicException(Reason.TOO_LONG, topic);
        }
        if (levels > maxLevels) {
            throw new InvalidTopicException(Reason.TOO_MANY_LEVELS, topic);
        }
    }
}
