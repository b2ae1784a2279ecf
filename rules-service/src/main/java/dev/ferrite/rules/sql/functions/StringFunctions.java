package dev.ferrite.rules.sql.functions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Values;

/** Text: case, trimming, slicing, splitting, padding, replacing, formatting. Positions count characters. */
final class StringFunctions {

    private StringFunctions() {
    }

    static void register(FunctionTable table) {
        table.define("lower", 1, (args, scope) -> Args.text(args, 0).toLowerCase(Locale.ROOT));
        table.define("upper", 1, (args, scope) -> Args.text(args, 0).toUpperCase(Locale.ROOT));
        table.define("trim", 1, 2, (args, scope) -> trim(args, true, true));
        table.define("ltrim", 1, 2, (args, scope) -> trim(args, true, false));
        table.define("rtrim", 1, 2, (args, scope) -> trim(args, false, true));
        table.define("reverse", 1, (args, scope) -> new StringBuilder(Args.text(args, 0)).reverse().toString());
        table.define("strlen", 1, (args, scope) -> (long) Args.text(args, 0).codePointCount(0, Args.text(args, 0).length()));
        table.define("substr", 2, 3, (args, scope) -> substr(args));
        table.define("split", 2, 3, (args, scope) -> Splitting.split(args));
        table.define("tokens", 2, 3, (args, scope) -> Splitting.tokens(args));
        table.define("concat", 1, 2, (args, scope) -> concat(args));
        table.define("sprintf", 1, FunctionSpec.ANY, (args, scope) ->
                ErlangFormat.format(Args.string(args, 0), Arrays.asList(args).subList(1, args.length)));
        table.define("sprintf_s", 2, (args, scope) -> ErlangFormat.format(Args.string(args, 0), Args.list(args, 1)));
        table.define("pad", 2, 4, (args, scope) -> pad(args));
        table.define("replace", 3, 4, (args, scope) -> replace(args));
        table.define("regex_match", 2, (args, scope) -> Regex.matches(Args.text(args, 0), Args.string(args, 1)));
        table.define("regex_replace", 3, (args, scope) ->
                Regex.replace(Args.text(args, 0), Args.string(args, 1), Args.string(args, 2)));
        table.define("regex_extract", 2, (args, scope) -> Regex.extract(Args.text(args, 0), Args.string(args, 1)));
        table.define("ascii", 1, (args, scope) -> ascii(Args.text(args, 0)));
        table.define("find", 2, 3, (args, scope) -> find(args));
        table.define("join_to_string", 1, 2, (args, scope) -> join(args));
        table.define("unescape", 1, (args, scope) -> Unescaping.unescape(Args.text(args, 0)));
    }

    private static String trim(Object[] args, boolean leading, boolean trailing) {
        String text = Args.text(args, 0);
        String characters = args.length > 1 ? Args.string(args, 1) : null;
        int start = 0;
        int end = text.length();
        while (leading && start < end && trimmable(text.charAt(start), characters)) {
            start++;
        }
        while (trailing && end > start && trimmable(text.charAt(end - 1), characters)) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean trimmable(char c, String characters) {
        return characters == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : characters.indexOf(c) >= 0;
    }

    /** substr(s, start [, length]): start counts from 0, as Erlang's string:slice. */
    private static String substr(Object[] args) {
        String text = Args.text(args, 0);
        long start = Args.integer(args, 1);
        long length = args.length > 2 ? Args.integer(args, 2) : Long.MAX_VALUE;
        if (start < 0 || length < 0) {
            throw new EvaluationFailure("start and length must not be negative");
        }
        int characters = text.codePointCount(0, text.length());
        if (start >= characters) {
            return "";
        }
        int from = text.offsetByCodePoints(0, (int) start);
        int to = length >= characters - start ? text.length() : text.offsetByCodePoints(from, (int) length);
        return text.substring(from, to);
    }

    private static String concat(Object[] args) {
        if (args.length == 2) {
            return Values.text(args[0]) + Values.text(args[1]);
        }
        StringBuilder joined = new StringBuilder();
        for (Object part : Args.list(args, 0)) {
            joined.append(Values.text(Values.normalize(part)));
        }
        return joined.toString();
    }

    /** pad(s, length [, 'trailing' | 'leading' | 'both' [, char]]) */
    private static String pad(Object[] args) {
        String text = Args.text(args, 0);
        long length = Args.integer(args, 1);
        String where = args.length > 2 ? Args.option(args, 2, "trailing", "leading", "both") : "trailing";
        String filler = args.length > 3 ? Args.string(args, 3) : " ";
        long missing = length - text.codePointCount(0, text.length());
        if (missing <= 0) {
            return text;
        }
        if (missing > 1_000_000) {
            throw new EvaluationFailure("padding of " + missing + " characters is too large");
        }
        long before = switch (where) {
            case "leading" -> missing;
            case "both" -> missing / 2;
            default -> 0;
        };
        return filler.repeat((int) before) + text + filler.repeat((int) (missing - before));
    }

    /** replace(s, search, replacement [, 'all' | 'leading' | 'trailing']): every, the first or the last occurrence. */
    private static String replace(Object[] args) {
        String text = Args.text(args, 0);
        String search = Args.string(args, 1);
        String replacement = Args.string(args, 2);
        String where = args.length > 3 ? Args.option(args, 3, "all", "leading", "trailing") : "all";
        if (search.isEmpty()) {
            return text;
        }
        int at = where.equals("trailing") ? text.lastIndexOf(search) : text.indexOf(search);
        if (where.equals("all") || at < 0) {
            return text.replace(search, replacement);
        }
        return text.substring(0, at) + replacement + text.substring(at + search.length());
    }

    private static long ascii(String text) {
        if (text.isEmpty()) {
            throw new EvaluationFailure("ascii of an empty string");
        }
        return text.getBytes(StandardCharsets.UTF_8)[0] & 0xff;
    }

    /** find(s, search [, 'leading' | 'trailing']): the rest of s from the first (or last) occurrence, or "". */
    private static String find(Object[] args) {
        String text = Args.text(args, 0);
        String search = Args.string(args, 1);
        boolean last = args.length > 2 && Args.option(args, 2, "leading", "trailing").equals("trailing");
        int at = last ? text.lastIndexOf(search) : text.indexOf(search);
        return at < 0 ? "" : text.substring(at);
    }

    /** join_to_string([separator,] array): the elements as text; the separator defaults to ", ". */
    private static String join(Object[] args) {
        String separator = args.length == 2 ? Args.string(args, 0) : ", ";
        List<String> parts = new ArrayList<>();
        for (Object element : Args.list(args, args.length - 1)) {
            parts.add(Values.text(Values.normalize(element)));
        }
        return String.join(separator, parts);
    }
}
