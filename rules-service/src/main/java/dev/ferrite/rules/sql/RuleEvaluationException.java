package dev.ferrite.rules.sql;

/** A rule failed on one input (a function given a value it cannot take, a bad JSON payload it had to decode, ...). */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message) {
        super(message);
    }

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
