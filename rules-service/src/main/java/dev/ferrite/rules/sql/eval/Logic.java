package dev.ferrite.rules.sql.eval;

import dev.ferrite.rules.sql.value.Values;

/**
 * {@code AND}, {@code OR} and {@code NOT}. Only {@code true} counts as true, so a condition on
 * an undefined field rejects the input instead of failing the rule; {@code NOT} of a
 * non-boolean is false, as in EMQX.
 */
public final class Logic {

    private Logic() {
    }

    public record And(Evaluator left, Evaluator right) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return Values.isTrue(left.evaluate(scope)) && Values.isTrue(right.evaluate(scope));
        }
    }

    public record Or(Evaluator left, Evaluator right) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return Values.isTrue(left.evaluate(scope)) || Values.isTrue(right.evaluate(scope));
        }
    }

    public record Not(Evaluator operand) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return operand.evaluate(scope) instanceof Boolean value ? !value : Boolean.FALSE;
        }
    }
}
