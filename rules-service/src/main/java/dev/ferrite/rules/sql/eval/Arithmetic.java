package dev.ferrite.rules.sql.eval;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Values;

/**
 * {@code + - * / div mod} as EMQX computes them: integers stay integers except for {@code /},
 * which always gives a float; {@code +} with a string on either side concatenates; anything
 * else that is not a number fails the rule.
 */
public record Arithmetic(Operator operator, Evaluator left, Evaluator right) implements Evaluator {

    public enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), DIV("div"), MOD("mod");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equalsIgnoreCase(symbol)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    @Override
    public Object evaluate(Scope scope) {
        return apply(operator, left.evaluate(scope), right.evaluate(scope));
    }

    public static Object apply(Operator operator, Object a, Object b) {
        if (operator == Operator.ADD && (a instanceof String || b instanceof String)) {
            return Values.text(a) + Values.text(b);
        }
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            throw new EvaluationFailure("cannot compute " + Values.describe(a) + " " + operator.symbol
                    + " " + Values.describe(b) + ": numbers expected");
        }
        if (a instanceof Long x && b instanceof Long y) {
            return integers(operator, x, y);
        }
        if (operator == Operator.DIV || operator == Operator.MOD) {
            throw new EvaluationFailure("'" + operator.symbol + "' takes integers, not "
                    + Values.describe(a) + " and " + Values.describe(b));
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return Values.requireFinite(switch (operator) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            default -> divide(x, y);
        });
    }

    private static Object integers(Operator operator, long x, long y) {
        try {
            return switch (operator) {
                case ADD -> Math.addExact(x, y);
                case SUBTRACT -> Math.subtractExact(x, y);
                case MULTIPLY -> Math.multiplyExact(x, y);
                case DIVIDE -> divide(x, y);
                case DIV -> x / nonZero(y);
                case MOD -> x % nonZero(y);
            };
        } catch (ArithmeticException overflow) {
            throw new EvaluationFailure("integer overflow in " + x + " " + operator.symbol + " " + y);
        }
    }

    private static double divide(double x, double y) {
        return x / nonZero(y);
    }

    private static long nonZero(long divisor) {
        if (divisor == 0) {
            throw new EvaluationFailure("division by zero");
        }
        return divisor;
    }

    private static double nonZero(double divisor) {
        if (divisor == 0) {
            throw new EvaluationFailure("division by zero");
        }
        return divisor;
    }

    /** Unary minus. */
    public record Negate(Evaluator operand) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return negate(operand.evaluate(scope));
        }

        public static Object negate(Object value) {
            if (value instanceof Long number) {
                if (number == Long.MIN_VALUE) {
                    throw new EvaluationFailure("integer overflow in -" + number);
                }
                return -number;
            }
            if (value instanceof Double number) {
                return -number;
            }
            throw new EvaluationFailure("cannot negate " + Values.describe(value) + ": a number expected");
        }
    }
}
