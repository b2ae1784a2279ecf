package dev.ferrite.rules.action.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.JsonValues;

/**
 * An EMQX template: text with {@code ${field}} placeholders, where a field may be a path into
 * nested values ({@code ${payload.sensor.t}}); a string that holds JSON is decoded on the way,
 * so {@code ${payload.x}} works on the raw payload. Parsed once, rendered per row.
 */
public final class Template {

    private sealed interface Part {
    }

    private record Text(String text) implements Part {
    }

    private record Placeholder(List<String> path) implements Part {
    }

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException for an unclosed or empty placeholder */
    public static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("${", at);
            if (open < 0) {
                parts.add(new Text(source.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Text(source.substring(at, open)));
            }
            int close = source.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder at character " + (open + 1) + " of \"" + source + "\"");
            }
            String path = source.substring(open + 2, close).strip();
            if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                throw new IllegalArgumentException("bad placeholder \"${" + path + "}\" in \"" + source + "\"");
            }
            parts.add(new Placeholder(List.of(path.split("\\."))));
            at = close + 1;
        }
        return new Template(source, parts);
    }

    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Whether the template is exactly one placeholder, whose value may then keep its type. */
    public boolean isSinglePlaceholder() {
        return parts.size() == 1 && parts.get(0) instanceof Placeholder;
    }

    /** The value of a single-placeholder template, or null when the row lacks it. */
    public Object value(Map<String, Object> row) {
        if (!isSinglePlaceholder()) {
            return render(row);
        }
        return lookup(row, ((Placeholder) parts.get(0)).path());
    }

    /** Missing fields render as the empty string; maps and lists as JSON. */
    public String render(Map<String, Object> row) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else {
                out.append(asText(lookup(row, ((Placeholder) part).path())));
            }
        }
        return out.toString();
    }

    /** The text with every placeholder replaced by {@code replacement}: what a template's shape looks like. */
    public String withPlaceholdersAs(String replacement) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Text text ? text.text() : replacement);
        }
        return out.toString();
    }

    static Object lookup(Map<String, Object> row, List<String> path) {
        Object current = row;
        for (String key : path) {
            if (current instanceof String text) {
                current = decodedObject(text);
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static Object decodedObject(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            return JsonValues.parse(trimmed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            return JsonValues.write(value);
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            // 2.0 reads as 2.0, as EMQX prints floats; only integral Longs print without a point.
            return d.toString();
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return source;
    }
}
