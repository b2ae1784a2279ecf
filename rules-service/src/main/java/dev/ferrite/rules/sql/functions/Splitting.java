package dev.ferrite.rules.sql.functions;

import java.util.ArrayList;
import java.util.List;

/** split and tokens, which cut a string into an array. */
final class Splitting {

    private Splitting() {
    }

    /**
     * split(s, separator [, option]): at every separator, or only the first ('leading') or
     * the last ('trailing'); empty parts are dropped unless the option ends in '_notrim' or is 'notrim'.
     */
    static List<Object> split(Object[] args) {
        String text = Args.text(args, 0);
        String separator = Args.string(args, 1);
        String option = args.length > 2
                ? Args.option(args, 2, "notrim", "leading", "leading_notrim", "trailing", "trailing_notrim")
                : "all";
        List<String> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            parts.add(text);
        } else if (option.startsWith("leading") || option.startsWith("trailing")) {
            int at = option.startsWith("leading") ? text.indexOf(separator) : text.lastIndexOf(separator);
            if (at < 0) {
                parts.add(text);
            } else {
                parts.add(text.substring(0, at));
                parts.add(text.substring(at + separator.length()));
            }
        } else {
            int from = 0;
            int at;
            while ((at = text.indexOf(separator, from)) >= 0) {
                parts.add(text.substring(from, at));
                from = at + separator.length();
            }
            parts.add(text.substring(from));
        }
        boolean keepEmpty = option.endsWith("notrim");
        List<Object> result = new ArrayList<>(parts.size());
        for (String part : parts) {
            if (keepEmpty || !part.isEmpty()) {
                result.add(part);
            }
        }
        return result;
    }

    /** tokens(s, separators [, 'nocrlf']): the non-empty runs between any of the separator characters. */
    static List<Object> tokens(Object[] args) {
        String text = Args.text(args, 0);
        String separators = Args.string(args, 1);
        if (args.length > 2 && Args.option(args, 2, "nocrlf").equals("nocrlf")) {
            separators = separators + "\r\n";
        }
        List<Object> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || separators.indexOf(text.charAt(i)) >= 0;
            if (separator && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return tokens;
    }
}
