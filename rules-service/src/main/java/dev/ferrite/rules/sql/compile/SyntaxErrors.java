package dev.ferrite.rules.sql.compile;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

import dev.ferrite.rules.sql.RuleSqlException;
import dev.ferrite.rules.sql.grammar.RuleSqlLexer;

/** Turns the parser's first complaint into a RuleSqlException with its line and column. */
final class SyntaxErrors extends BaseErrorListener {

    private static final int LONGEST_EXPECTATION = 120;

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String message, RecognitionException e) {
        throw new RuleSqlException(describe(offendingSymbol, message), line, charPositionInLine + 1);
    }

    private static String describe(Object offendingSymbol, String message) {
        if (!(offendingSymbol instanceof Token token)) {
            return message;
        }
        if (token.getType() == Token.EOF) {
            return "the SQL ends too early" + expectation(message);
        }
        if (token.getType() == RuleSqlLexer.UNEXPECTED && (token.getText().equals("'") || token.getText().equals("\""))) {
            return "a string is not closed: " + token.getText() + " has no closing quote";
        }
        return "unexpected " + token.getText() + expectation(message);
    }

    private static String expectation(String message) {
        int at = message.indexOf("expecting ");
        if (at < 0) {
            return "";
        }
        String expected = message.substring(at);
        return expected.length() > LONGEST_EXPECTATION ? "" : " (" + expected + ")";
    }
}
