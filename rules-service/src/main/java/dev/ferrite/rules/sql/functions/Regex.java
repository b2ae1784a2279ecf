package dev.ferrite.rules.sql.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.ferrite.rules.sql.value.EvaluationFailure;

/**
 * Regular expressions for regex_match, regex_replace and regex_extract. Patterns are compiled
 * once and kept (rules mostly pass a constant pattern); replacements use Erlang's syntax:
 * {@code &} is the whole match, {@code \1} a group.
 */
final class Regex {

    private static final int CACHE_LIMIT = 512;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Regex() {
    }

    static boolean matches(String text, String regex) {
        return pattern(regex).matcher(text).find();
    }

    static String replace(String text, String regex, String replacement) {
        Matcher matcher = pattern(regex).matcher(text);
        StringBuilder result = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            result.append(text, last, matcher.start());
            expand(replacement, matcher, result);
            last = matcher.end();
        }
        return result.append(text, last, text.length()).toString();
    }

    /** The groups of the first match (not the whole match); none when nothing matches. */
    static List<Object> extract(String text, String regex) {
        Matcher matcher = pattern(regex).matcher(text);
        List<Object> groups = new ArrayList<>();
        if (matcher.find()) {
            for (int i = 1; i <= matcher.groupCount(); i++) {
                String group = matcher.group(i);
                groups.add(group == null ? "" : group);
            }
        }
        return groups;
    }

    private static void expand(String replacement, Matcher matcher, StringBuilder result) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '&') {
                result.append(matcher.group());
            } else if (c == '\\' && i + 1 < replacement.length()) {
                char next = replacement.charAt(++i);
                if (Character.isDigit(next)) {
                    int group = next - '0';
                    if (group <= matcher.groupCount() && matcher.group(group) != null) {
                        result.append(matcher.group(group));
                    }
                } else {
                    result.append(next);
                }
            } else {
                result.append(c);
            }
        }
    }

    private static Pattern pattern(String regex) {
        Pattern pattern = COMPILED.get(regex);
        if (pattern != null) {
            return pattern;
        }
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new EvaluationFailure("invalid regular expression " + regex + ": " + e.getDescription());
        }
        if (COMPILED.size() >= CACHE_LIMIT) {
            COMPILED.clear();
        }
        COMPILED.put(regex, pattern);
        return pattern;
    }
}
