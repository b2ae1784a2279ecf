package dev.ferrite.gateway.topic;

/**
 * A topic name or filter that breaks MQTT's rules (MQTT 5 section 4.7, the same in 3.1.1). The
 * gateway answers a bad filter with SUBACK 0x8F (Topic Filter invalid) and a bad name by
 * closing the connection; {@link #reason()} says which rule was broken.
 */
public final class InvalidTopicException extends IllegalArgumentException {

    /** The rule a topic broke. */
    public enum Reason {
        EMPTY("must not be empty"),
        CONTAINS_NULL("must not contain U+0000"),
        MALFORMED_UTF16("must be well-formed UTF-8 (has an unpaired surrogate)"),
        TOO_LONG("must not exceed 65535 UTF-8 bytes"),
        TOO_MANY_LEVELS("has more levels than allowed"),
        WILDCARD_IN_NAME("a topic name must not contain '+' or '#'"),
        SINGLE_LEVEL_WILDCARD_NOT_WHOLE_LEVEL("'+' must occupy an entire level"),
        MULTI_LEVEL_WILDCARD_NOT_LAST("'#' must occupy the last level on its own"),
        INVALID_SHARE_GROUP("a share group must be non-empty and contain no '/', '+' or '#'"),
        EMPTY_SHARED_FILTER("a shared subscription needs a topic filter after its group");

        private final String rule;

        Reason(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private final Reason reason;

    InvalidTopicException(Reason reason, String topic) {
        super(describe(reason, topic));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static String describe(Reason reason, String topic) {
        String shown = topic.length() > 100 ? topic.substring(0, 100) + "..." : topic;
        return "'" + shown + "': " + reason.rule();
    }
}
