package dev.ferrite.gateway.topic;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MQTT's topic rules written as plainly as possible, straight from the spec, to check the
 * gateway's faster validators against: MQTT 5 1.5.4 (UTF-8 strings), 4.7 (names and filters),
 * 4.8.2 (shared subscriptions). Slow and obviously right is the point.
 */
final class SpecTopicRules {

    private static final String SHARE_PREFIX = "$share/";

    private SpecTopicRules() {
    }

    static boolean isValidName(String name) {
        return isValidText(name) && !name.contains("+") && !name.contains("#");
    }

    /** The parts of a valid filter, or empty when it is invalid. */
    static Optional<TopicFilter> parseFilter(String written) {
        if (!isValidText(written)) {
            return Optional.empty();
        }
        if (!written.startsWith(SHARE_PREFIX)) {
            return isValidPlainFilter(written) ? Optional.of(new TopicFilter(null, written)) : Optional.empty();
        }
        String afterPrefix = written.substring(SHARE_PREFIX.length());
        int slash = afterPrefix.indexOf('/');
        if (slash < 0) {
            return Optional.empty(); // a group but no filter
        }
        String group = afterPrefix.substring(0, slash);
        String filter = afterPrefix.substring(slash + 1);
        if (group.isEmpty() || group.contains("+") || group.contains("#")) {
            return Optional.empty();
        }
        if (filter.isEmpty() || !isValidPlainFilter(filter)) {
            return Optional.empty();
        }
        return Optional.of(new TopicFilter(group, filter));
    }

    private static boolean isValidPlainFilter(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean last = i == levels.length - 1;
            if (level.equals("#") && !last) {
                return false;
            }
            if (!level.equals("#") && !level.equals("+") && (level.contains("#") || level.contains("+"))) {
                return false;
            }
        }
        return true;
    }

    /** Non-empty, no U+0000, encodable as UTF-8 (no unpaired surrogate) in at most 65,535 bytes. */
    private static boolean isValidText(String text) {
        if (text.isEmpty() || text.contains("\0")) {
            return false;
        }
        try {
            int utf8Bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text))
                    .remaining();
            return utf8Bytes <= 65_535;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
