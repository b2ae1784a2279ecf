package dev.ferrite.rules.sql.compile;

import org.antlr.v4.runtime.Token;

import dev.ferrite.rules.sql.RuleSqlException;

/** The values of literal tokens: quoted strings and numbers. */
final class Literals {

    private Literals() {
    }

    /** 'it''s' is it's; "say ""hi""" is say "hi". */
    static String unquote(Token token) {
        String text = token.getText();
        char quote = text.charAt(0);
        String inside = text.substring(1, text.length() - 1);
        return inside.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }

    static long integer(Token token) {
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException e) {
            throw new RuleSqlException("the integer " + token.getText() + " is too large", token.getLine(),
                    token.getCharPositionInLine() + 1);
        }
    }

    static double decimal(Token token) {
        double value = Double.parseDouble(token.getText());
        if (Double.isInfinite(value)) {
            throw new RuleSqlException("the number " + token.getText() + " is too large", token.getLine(),
                    token.getCharPositionInLine() + 1);
        }
        return value;
    }
}
