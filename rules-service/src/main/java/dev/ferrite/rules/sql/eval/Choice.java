package dev.ferrite.rules.sql.eval;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.rules.sql.value.TermOrder;
import dev.ferrite.rules.sql.value.Values;

/** Expressions that pick among values: {@code CASE}, {@code IN (...)} and array literals. */
public final class Choice {

    private Choice() {
    }

    /**
     * {@code CASE WHEN c THEN v ... ELSE e END}, or with a subject, {@code CASE s WHEN v THEN r ...}
     * which compares the subject with each value. No match and no ELSE: undefined.
     */
    public record Case(Evaluator subject, Evaluator[] conditions, Evaluator[] results, Evaluator otherwise)
            implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            Object value = subject == null ? null : subject.evaluate(scope);
            for (int i = 0; i < conditions.length; i++) {
                Object condition = conditions[i].evaluate(scope);
                boolean matches = subject == null ? Values.isTrue(condition) : sameValue(value, condition);
                if (matches) {
                    return results[i].evaluate(scope);
                }
            }
            return otherwise == null ? null : otherwise.evaluate(scope);
        }
    }

    /** {@code x IN (a, b, ...)} and {@code x NOT IN (...)}: plain equality, no conversion between types. */
    public record In(Evaluator value, Evaluator[] candidates, boolean negated) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            Object needle = value.evaluate(scope);
            for (Evaluator candidate : candidates) {
                if (sameValue(needle, candidate.evaluate(scope))) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    /** {@code [a, b, ...]} */
    public record ArrayOf(Evaluator[] elements) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            List<Object> array = new ArrayList<>(elements.length);
            for (Evaluator element : elements) {
                array.add(element.evaluate(scope));
            }
            return array;
        }
    }

    static boolean sameValue(Object a, Object b) {
        return a == null ? b == null : b != null && TermOrder.equal(a, b);
    }
}
