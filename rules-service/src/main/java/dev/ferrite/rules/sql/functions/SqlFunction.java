package dev.ferrite.rules.sql.functions;

import dev.ferrite.rules.sql.eval.Scope;

/** The body of a built-in function: argument values in, a rule value out. */
@FunctionalInterface
public interface SqlFunction {

    /**
     * @param arguments the evaluated arguments, as many as the function's arity allows
     * @param scope     the evaluation, for the functions that read the message ({@code clientid()}, {@code topic(n)})
     * @throws dev.ferrite.rules.sql.RuleEvaluationException when an argument is not what the function takes
     */
    Object apply(Object[] arguments, Scope scope);
}
