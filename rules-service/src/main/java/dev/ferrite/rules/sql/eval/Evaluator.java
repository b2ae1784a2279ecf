package dev.ferrite.rules.sql.eval;

/**
 * One node of a compiled expression. Compiled once when the rule is saved, shared by every
 * thread; all per-message state lives in the {@link Scope}.
 */
@FunctionalInterface
public interface Evaluator {

    /**
     * @return a rule value (see {@link dev.ferrite.rules.sql.value.Values}); null for undefined
     * @throws dev.ferrite.rules.sql.RuleEvaluationException when the input makes the expression fail
     */
    Object evaluate(Scope scope);
}
