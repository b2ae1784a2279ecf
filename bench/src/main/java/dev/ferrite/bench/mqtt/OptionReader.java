package dev.ferrite.bench.mqtt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} or {@code --name=value}. Every option
 * must be read, so that a misspelt one stops the run instead of being silently ignored.
 */
final class OptionReader {

    private final Map<String, String> values = new LinkedHashMap<>();

    OptionReader(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option (--name value), found '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
        }
    }

    String text(String name, String fallback) {
        String value = values.remove(name);
        return value == null ? fallback : value;
    }

    int integer(String name, int fallback, int min, int max) {
        String value = values.remove(name);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    /** A duration written as {@code 20}, {@code 20s}, {@code 500ms} or {@code 2m}; plain numbers are seconds. */
    Duration duration(String name, Duration fallback) {
        String value = values.remove(name);
        if (value == null) {
            return fallback;
        }
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 20s, 500ms or 2m, was '" + value + "'");
        }
    }

    <E extends Enum<E>> E choice(String name, E fallback, Map<String, E> choices) {
        String value = values.remove(name);
        if (value == null) {
            return fallback;
        }
        E chosen = choices.get(value);
        if (chosen == null) {
            throw new IllegalArgumentException("--" + name + " must be one of " + choices.keySet() + ", was '" + value + "'");
        }
        return chosen;
    }

    /** Fails if an option was given that nothing read. */
    void requireAllRead() {
        Set<String> left = values.keySet();
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", left));
        }
    }
}
