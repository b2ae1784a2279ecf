package dev.ferrite.rules.action.republish;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.ferrite.rules.action.InvalidActionException;
import dev.ferrite.rules.action.template.Template;
import dev.ferrite.rules.action.template.TopicCheck;

/**
 * The arguments of {@code republish}, checked and parsed: {@code topic} (a template, required),
 * {@code qos} and {@code retain} (a value or a template, by default {@code ${qos}} and
 * {@code ${retain}}), {@code payload} (a template; empty means the whole row as JSON) and
 * {@code user_properties} (a template naming a field that holds a map, by default
 * {@code ${user_properties}}, or a map of templates).
 */
record RepublishArgs(Template topic, Object qos, Object retain, Template payload, Object userProperties) {

    private static final Set<String> KNOWN = Set.of("topic", "qos", "retain", "payload", "user_properties");

    static RepublishArgs parse(Map<String, Object> args) {
        for (String key : args.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new InvalidActionException("republish has no argument \"" + key + "\"; its arguments are "
                        + "topic, qos, retain, payload, user_properties");
            }
        }
        if (!(args.get("topic") instanceof String topicText) || topicText.isBlank()) {
            throw new InvalidActionException("republish needs a \"topic\"");
        }
        Template topic = template("topic", topicText);
        String problem = TopicCheck.problemWithTemplate(topic);
        if (problem != null) {
            throw new InvalidActionException("republish topic refused: " + problem);
        }
        Object qos = qos(args.getOrDefault("qos", "${qos}"));
        Object retain = retain(args.getOrDefault("retain", "${retain}"));
        Object payloadArg = args.getOrDefault("payload", "");
        if (!(payloadArg instanceof String payloadText)) {
            throw new InvalidActionException("republish \"payload\" must be a string template");
        }
        return new RepublishArgs(topic, qos, retain, template("payload", payloadText),
                userProperties(args.getOrDefault("user_properties", "${user_properties}")));
    }

    private static Object qos(Object value) {
        if (value instanceof Number number) {
            long qos = number.longValue();
            if (qos < 0 || qos > 2 || number.doubleValue() != qos) {
                throw new InvalidActionException("republish \"qos\" must be 0, 1, 2 or a template, was " + value);
            }
            return (int) qos;
        }
        if (value instanceof String text) {
            if (text.matches("[012]")) {
                return Integer.parseInt(text);
            }
            Template template = template("qos", text);
            if (!template.isSinglePlaceholder()) {
                throw new InvalidActionException("republish \"qos\" must be 0, 1, 2 or one placeholder such as ${qos}, was \""
                        + text + "\"");
            }
            return template;
        }
        throw new InvalidActionException("republish \"qos\" must be 0, 1, 2 or a template, was " + value);
    }

    private static Object retain(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            Template template = template("retain", text);
            if (!template.isSinglePlaceholder()) {
                throw new InvalidActionException("republish \"retain\" must be true, false or one placeholder such as ${retain}, was \""
                        + text + "\"");
            }
            return template;
        }
        throw new InvalidActionException("republish \"retain\" must be true, false or a template, was " + value);
    }

    private static Object userProperties(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? Map.of() : template("user_properties", text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Template> templates = new LinkedHashMap<>();
            map.forEach((key, template) -> {
                if (!(template instanceof String text)) {
                    throw new InvalidActionException("republish \"user_properties\" values must be string templates");
                }
                templates.put(String.valueOf(key), template("user_properties." + key, text));
            });
            return templates;
        }
        throw new InvalidActionException("republish \"user_properties\" must be a template or an object of templates");
    }

    private static Template template(String argument, String text) {
        try {
            return Template.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidActionException("republish \"" + argument + "\": " + e.getMessage());
        }
    }
}
