package dev.ferrite.rules.action.template;

import java.nio.charset.StandardCharsets;

/**
 * Whether a topic is one an action may publish to: a valid MQTT topic name (no {@code +} or
 * {@code #}, no empty level, at most 65535 bytes, no NUL; EMQX PR 9291) and not one of the
 * platform's reserved topics, which rules-service could otherwise forge as an internal principal.
 */
public final class TopicCheck {

    private TopicCheck() {
    }

    /** @return why the topic is refused, or null when it is fine */
    public static String problemWith(String topic) {
        if (topic.isEmpty()) {
            return "the topic is empty";
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return "the topic \"" + topic + "\" holds a wildcard ('+' or '#')";
        }
        if (topic.indexOf('\0') >= 0) {
            return "the topic holds a NUL character";
        }
        if (topic.startsWith("/") || topic.endsWith("/") || topic.contains("//")) {
            return "the topic \"" + topic + "\" has an empty level";
        }
        if (topic.getBytes(StandardCharsets.UTF_8).length > 65535) {
            return "the topic is longer than 65535 bytes";
        }
        if (topic.equals("$events") || topic.startsWith("$events/") || topic.equals("$internal")
                || topic.startsWith("$internal/")) {
            return "the topic \"" + topic + "\" is reserved for the platform ($events/, $internal/)";
        }
        return null;
    }

    /**
     * Checks a topic template before any row exists: its fixed text must already be a valid
     * topic, whatever the placeholders turn into.
     *
     * @return why the template is refused, or null
     */
    public static String problemWithTemplate(Template template) {
        if (template.isEmpty()) {
            return "the topic is empty";
        }
        return problemWith(template.withPlaceholdersAs("x"));
    }
}
