package dev.ferrite.rules.sql.eval;

/** A literal, or an expression folded into its value when the rule was compiled. */
public record Constant(Object value) implements Evaluator {

    @Override
    public Object evaluate(Scope scope) {
        return value;
    }
}
