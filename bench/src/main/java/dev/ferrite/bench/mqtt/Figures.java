package dev.ferrite.bench.mqtt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run, in the order they are printed: a label and a value each, printed for
 * people and saved as {@code key=value} lines for {@link Comparison}.
 */
final class Figures {

    private final Map<String, String> values = new LinkedHashMap<>();

    Figures put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    Figures put(String key, long value) {
        values.put(key, Long.toString(value));
        return this;
    }

    Figures put(String key, double value) {
        values.put(key, String.format(Locale.ROOT, "%.1f", value));
        return this;
    }

    String get(String key) {
        return values.getOrDefault(key, "");
    }

    /** @return the value as a number, or NaN if absent or not a number */
    double number(String key) {
        try {
            return Double.parseDouble(get(key));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    void print(PrintStream out) {
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        values.forEach((key, value) -> out.printf("  %-" + width + "s  %s%n", key, value));
    }

    void save(Path file) throws IOException {
        List<String> lines = values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static Figures load(Path file) throws IOException {
        Figures figures = new Figures();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                figures.values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return figures;
    }
}
