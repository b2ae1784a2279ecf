package dev.ferrite.rules.sql.functions;

import dev.ferrite.rules.sql.value.EvaluationFailure;

/** unescape(s): turns C-style escapes (\n, \t, \", \x41...) into the characters they stand for. */
final class Unescaping {

    private Unescaping() {
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c != '\\' || i >= text.length()) {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(i++);
            switch (escaped) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case 'a' -> out.append('\u0007');
                case '\'', '"', '?' -> out.append(escaped);
                case 'x' -> i = hex(text, i, out);
                default -> throw new EvaluationFailure("unrecognised escape sequence \\" + escaped);
            }
        }
        return out.toString();
    }

    private static int hex(String text, int from, StringBuilder out) {
        int end = from;
        while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0 && end - from < 6) {
            end++;
        }
        if (end == from) {
            throw new EvaluationFailure("\\x needs hexadecimal digits");
        }
        int codePoint = Integer.parseInt(text.substring(from, end), 16);
        if (!Character.isValidCodePoint(codePoint)) {
            throw new EvaluationFailure("\\x" + text.substring(from, end) + " is not a character");
        }
        out.appendCodePoint(codePoint);
        return end;
    }
}
