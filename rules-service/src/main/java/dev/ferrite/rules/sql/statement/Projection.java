package dev.ferrite.rules.sql.statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.eval.Evaluator;
import dev.ferrite.rules.sql.eval.Scope;
import dev.ferrite.rules.sql.value.Paths;
import dev.ferrite.rules.sql.value.Values;

/**
 * The field list of SELECT or DO: builds one output row, field by field, so that a field can
 * use the aliases before it. An undefined value leaves its key out of the row, as in EMQX.
 */
public final class Projection {

    /** One entry: {@code *} (every field of the message or event), or a value under a key path. */
    public record Output(Evaluator value, List<String> key) {

        public static Output allFields() {
            return new Output(null, List.of());
        }

        boolean isAllFields() {
            return value == null;
        }
    }

    private final Output[] outputs;

    public Projection(List<Output> outputs) {
        this.outputs = outputs.toArray(Output[]::new);
    }

    public Map<String, Object> project(Scope scope) {
        Map<String, Object> row = new LinkedHashMap<>();
        scope.row(row);
        for (Output output : outputs) {
            if (output.isAllFields()) {
                copyAll(scope, row);
            } else {
                Paths.putInto(row, output.key(), output.value().evaluate(scope));
            }
        }
        return row;
    }

    /** What {@code *} stands for: the message's fields, and in FOREACH its names and the current element. */
    static void copyAll(Scope scope, Map<String, Object> row) {
        for (Map.Entry<String, Object> field : scope.context().entrySet()) {
            row.put(field.getKey(), Values.normalize(field.getValue()));
        }
        if (scope.bindings() != null) {
            row.putAll(scope.bindings());
        }
        if (scope.itemName() != null) {
            row.remove(scope.itemName());
            if (scope.item() != null) {
                row.put(scope.itemName(), scope.item());
            }
        }
    }
}
