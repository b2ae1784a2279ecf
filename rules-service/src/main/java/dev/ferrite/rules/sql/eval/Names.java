package dev.ferrite.rules.sql.eval;

import java.util.Map;

/** Evaluators for the names an expression can use, chosen when the rule is compiled. */
public final class Names {

    private Names() {
    }

    /** A field of the message or event. */
    public record ContextField(String name) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return scope.field(name);
        }
    }

    /** The payload decoded as JSON: what {@code payload.x} and {@code payload[1]} read from. */
    public record DecodedPayload() implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return scope.decodedPayload();
        }
    }

    /** The current element of the {@code FOREACH} array ({@code item}, or its {@code AS} name). */
    public record Item() implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            return scope.item();
        }
    }

    /**
     * A name that an alias may have defined: the row being built, then the names bound by
     * {@code FOREACH}, then the message's field of that name (also while the alias is still unset).
     */
    public record Aliased(String name, boolean inRow, boolean inBindings) implements Evaluator {
        @Override
        public Object evaluate(Scope scope) {
            Object value = inRow ? lookup(scope.row()) : null;
            if (value == null && inBindings) {
                value = lookup(scope.bindings());
            }
            return value != null ? value : scope.field(name);
        }

        private Object lookup(Map<String, Object> names) {
            return names == null ? null : names.get(name);
        }
    }
}
