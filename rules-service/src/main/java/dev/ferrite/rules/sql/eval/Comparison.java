package dev.ferrite.rules.sql.eval;

import dev.ferrite.rules.sql.topic.TopicFilters;
import dev.ferrite.rules.sql.value.Numbers;
import dev.ferrite.rules.sql.value.TermOrder;
import dev.ferrite.rules.sql.value.Values;

/**
 * {@code = != <> < <= > >= =~} with EMQX's rules: undefined equals only undefined and is
 * neither more nor less than anything (so {@code x != 1} is false when x is undefined); a
 * number against a string compares the string read as a number (failing if it is not one); a
 * boolean against a string compares words; otherwise Erlang's term order.
 */
public record Comparison(Operator operator, Evaluator left, Evaluator right) implements Evaluator {

    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), NOT_EQUAL_SQL("<>"), LESS("<"), LESS_OR_EQUAL("<="),
        GREATER(">"), GREATER_OR_EQUAL(">="), TOPIC_MATCH("=~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    @Override
    public Object evaluate(Scope scope) {
        return compare(operator, left.evaluate(scope), right.evaluate(scope));
    }

    public static boolean compare(Operator operator, Object a, Object b) {
        if (a == null || b == null) {
            return a == b && holdsWhenEqual(operator);
        }
        if (operator == Operator.TOPIC_MATCH) {
            return a instanceof String topic && b instanceof String filter && TopicFilters.matches(filter, topic);
        }
        if (Values.isNumber(a) && b instanceof String text) {
            b = Numbers.parse(text);
        } else if (a instanceof String text && Values.isNumber(b)) {
            a = Numbers.parse(text);
        } else if (a instanceof Boolean && b instanceof String || a instanceof String && b instanceof Boolean) {
            a = a.toString();
            b = b.toString();
        }
        int order = TermOrder.compare(a, b);
        return switch (operator) {
            case EQUAL -> order == 0;
            case NOT_EQUAL, NOT_EQUAL_SQL -> order != 0;
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            default -> order >= 0;
        };
    }

    private static boolean holdsWhenEqual(Operator operator) {
        return operator == Operator.EQUAL || operator == Operator.LESS_OR_EQUAL || operator == Operator.GREATER_OR_EQUAL;
    }
}
