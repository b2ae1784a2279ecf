package dev.ferrite.rules.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.value.Json;

/**
 * Reads the case table. A case starts with a line {@code === name}; then {@code key: value}
 * lines, where an indented line continues the value above it:
 * <ul>
 * <li>{@code sql:} the rule;
 * <li>{@code payload:} the raw payload (the rest of the line, as written) of a standard message
 *     from client {@code c_emqx} on topic {@code t/a}; {@code input:} JSON fields laid over that
 *     message; {@code context:} a whole context as JSON instead of the standard message;
 * <li>{@code rows:} the expected rows as a JSON array; {@code error:} a compile error as
 *     {@code line:column text}; {@code fails:} text that the evaluation failure's message contains;
 * <li>{@code reads:} / {@code ignores:} topics the rule does / does not read, separated by spaces.
 * </ul>
 */
final class SqlCaseFile {

    static final Map<String, Object> STANDARD_MESSAGE = standardMessage();

    private SqlCaseFile() {
    }

    static List<SqlCase> read(Path file) throws IOException {
        List<SqlCase> cases = new ArrayList<>();
        String name = null;
        Map<String, StringBuilder> values = new LinkedHashMap<>();
        String key = null;
        int lineNumber = 0;
        int caseLine = 0;
        for (String line : Files.readAllLines(file)) {
            lineNumber++;
            if (line.startsWith("===")) {
                if (name != null) {
                    cases.add(toCase(name, file.getFileName() + ":" + caseLine, values));
                }
                name = line.substring(3).strip();
                caseLine = lineNumber;
                values = new LinkedHashMap<>();
                key = null;
            } else if (line.isBlank() || line.startsWith("#")) {
                key = line.isBlank() ? key : null;
            } else if (Character.isWhitespace(line.charAt(0)) && key != null) {
                values.get(key).append('\n').append(line.strip());
            } else {
                int colon = line.indexOf(':');
                if (colon < 0 || name == null) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": expected key: value");
                }
                key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1);
                values.put(key, new StringBuilder(key.equals("payload") ? value.substring(value.startsWith(" ") ? 1 : 0) : value.strip()));
            }
        }
        if (name != null) {
            cases.add(toCase(name, file.getFileName() + ":" + caseLine, values));
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static SqlCase toCase(String name, String source, Map<String, StringBuilder> values) {
        Map<String, Object> context;
        if (values.containsKey("context")) {
            context = (Map<String, Object>) Json.decode(text(values, "context"));
        } else {
            context = new LinkedHashMap<>(STANDARD_MESSAGE);
            if (values.containsKey("input")) {
                context.putAll((Map<String, Object>) Json.decode(text(values, "input")));
            }
            if (values.containsKey("payload")) {
                context.put("payload", text(values, "payload"));
            }
        }
        List<Object> rows = values.containsKey("rows") ? (List<Object>) Json.decode(text(values, "rows")) : null;
        return new SqlCase(name, source, text(values, "sql"), context, rows, text(values, "error"),
                text(values, "fails"), words(values, "reads"), words(values, "ignores"));
    }

    private static String text(Map<String, StringBuilder> values, String key) {
        StringBuilder value = values.get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> words(Map<String, StringBuilder> values, String key) {
        String value = text(values, key);
        return value == null ? List.of() : List.of(value.strip().split("\\s+"));
    }

    private static Map<String, Object> standardMessage() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", "0005F8F84FFFAFB9F44200000D810002");
        message.put("clientid", "c_emqx");
        message.put("username", "u_emqx");
        message.put("payload", "{\"msg\":\"hello\"}");
        message.put("peerhost", "127.0.0.1");
        message.put("topic", "t/a");
        message.put("qos", 1L);
        message.put("flags", Map.of("dup", false, "retain", false));
        message.put("pub_props", Map.of("User-Property", Map.of("foo", "bar")));
        message.put("timestamp", 1650874276000L);
        message.put("publish_received_at", 1650874276000L);
        message.put("node", "ferrite@127.0.0.1");
        return Map.copyOf(message);
    }
}
