package dev.ferrite.rules.action.republish;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.ferrite.rules.JsonValues;
import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.action.template.Template;
import dev.ferrite.rules.action.template.TopicCheck;
import dev.ferrite.rules.bus.BusPublisher;
import dev.ferrite.rules.bus.OutboundMessage;

/** Publishes a new message, rendered from the row, through the gateway. */
final class RepublishAction implements RuleAction {

    private final RepublishArgs args;
    private final BusPublisher bus;

    RepublishAction(RepublishArgs args, BusPublisher bus) {
        this.args = args;
        this.bus = bus;
    }

    @Override
    public CompletableFuture<Void> run(Map<String, Object> row) {
        String topic = args.topic().render(row);
        String problem = TopicCheck.problemWith(topic);
        if (problem != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("republish refused: " + problem));
        }
        String payload = args.payload().isEmpty() ? JsonValues.write(row) : args.payload().render(row);
        return bus.publish(new OutboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), qos(row), retain(row),
                userProperties(row)));
    }

    private int qos(Map<String, Object> row) {
        if (args.qos() instanceof Integer fixed) {
            return fixed;
        }
        Object value = ((Template) args.qos()).value(row);
        if (value == null) {
            return 0;
        }
        long qos;
        try {
            qos = value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("republish qos " + args.qos() + " rendered as \"" + value + "\", not 0, 1 or 2");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("republish qos " + args.qos() + " rendered as " + qos + ", not 0, 1 or 2");
        }
        return (int) qos;
    }

    private boolean retain(Map<String, Object> row) {
        if (args.retain() instanceof Boolean fixed) {
            return fixed;
        }
        Object value = ((Template) args.retain()).value(row);
        return value instanceof Boolean flag ? flag : "true".equals(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private List<Map.Entry<String, String>> userProperties(Map<String, Object> row) {
        List<Map.Entry<String, String>> properties = new ArrayList<>();
        if (args.userProperties() instanceof Template template) {
            Object value = template.value(row);
            if (value instanceof String text && text.strip().startsWith("{")) {
                try {
                    value = JsonValues.parse(text);
                } catch (IllegalArgumentException e) {
                    value = null;
                }
            }
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, property) -> properties.add(entry(String.valueOf(key), text(property))));
            }
        } else {
            ((Map<String, Template>) args.userProperties()).forEach(
                    (key, template) -> properties.add(entry(key, template.render(row))));
        }
        return properties;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : JsonValues.write(value);
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }
}
