package dev.ferrite.rules.sql.value;

import dev.ferrite.rules.sql.RuleEvaluationException;

/** An input that the rule cannot handle (a string where a number is needed, a payload that is not JSON...). */
public final class EvaluationFailure extends RuleEvaluationException {

    public EvaluationFailure(String message) {
        super(message, null, false);
    }

    public EvaluationFailure(String message, Throwable cause) {
        super(message, cause, false);
    }
}
