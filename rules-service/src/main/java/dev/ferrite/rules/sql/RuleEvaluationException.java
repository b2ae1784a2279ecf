package dev.ferrite.rules.sql;

/** A rule failed on one input (a function given a value it cannot take, a bad JSON payload it had to decode, ...). */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message) {
        super(message);
    }

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * For failures whose message says everything: without a stack trace, a flood of bad inputs
     * costs little more than good ones.
     */
    protected RuleEvaluationException(String message, Throwable cause, boolean writableStackTrace) {
        super(message, cause, true, writableStackTrace);
    }
}
