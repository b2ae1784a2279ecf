package dev.ferrite.rules.sql.functions;

import dev.ferrite.rules.sql.RuleEvaluationException;
import dev.ferrite.rules.sql.eval.Evaluator;
import dev.ferrite.rules.sql.eval.Scope;
import dev.ferrite.rules.sql.value.EvaluationFailure;

/** A call of a built-in function, its name and arity checked when the rule was compiled. */
public record FunctionCall(FunctionSpec function, Evaluator[] arguments) implements Evaluator {

    @Override
    public Object evaluate(Scope scope) {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i].evaluate(scope);
        }
        return call(function, values, scope);
    }

    /** Runs the function's body; whatever goes wrong in it surfaces as a RuleEvaluationException naming the function. */
    public static Object call(FunctionSpec function, Object[] values, Scope scope) {
        try {
            return function.body().apply(values, scope);
        } catch (RuleEvaluationException e) {
            throw new EvaluationFailure(function.name() + "(): " + e.getMessage());
        } catch (RuntimeException e) {
            throw new EvaluationFailure(function.name() + "(): " + e, e);
        }
    }
}
