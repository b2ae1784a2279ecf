package dev.ferrite.rules.sql;

/** A rule's SQL cannot be compiled; the message says what and where (line and column, 1-based). */
public class RuleSqlException extends RuntimeException {

    private final int line;
    private final int column;

    public RuleSqlException(String message, int line, int column) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
