package dev.ferrite.rules.sql.statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.eval.Access;
import dev.ferrite.rules.sql.eval.Evaluator;
import dev.ferrite.rules.sql.eval.Scope;
import dev.ferrite.rules.sql.value.Paths;
import dev.ferrite.rules.sql.value.Values;

/**
 * {@code FOREACH [x AS name, ...] array [AS item] [DO fields] [INCASE condition] FROM sources
 * [WHERE condition]}: one row per element of the array that INCASE keeps. The array may be JSON
 * text (a raw payload that is a JSON array iterates as it is); anything else that is not an
 * array gives no rows. Without DO, a row is the message's fields plus the element under its name.
 */
public final class ForeachRule extends Statement {

    /** A FOREACH expression and the name it binds (null: none). */
    public record Binding(Evaluator value, List<String> alias) {
    }

    private final Binding[] bindings;
    private final Evaluator array;
    private final String itemName;
    private final Projection each;
    private final Evaluator incase;

    public ForeachRule(List<Binding> bindings, Evaluator array, String itemName, Projection each, Evaluator incase,
            Sources sources, Evaluator where) {
        super(sources, where);
        this.bindings = bindings.toArray(Binding[]::new);
        this.array = array;
        this.itemName = itemName;
        this.each = each;
        this.incase = incase;
    }

    @Override
    List<Map<String, Object>> run(Scope scope) {
        Map<String, Object> names = new LinkedHashMap<>();
        scope.bindings(names);
        for (Binding binding : bindings) {
            Object value = binding.value().evaluate(scope);
            if (binding.alias() != null) {
                Paths.putInto(names, binding.alias(), value);
            }
        }
        Object elements = Access.structure(array.evaluate(scope));
        if (elements != null) {
            names.put(itemName, elements);
        }
        if (!passes(scope) || !(elements instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        for (Object element : list) {
            scope.item(itemName, Values.normalize(element));
            scope.row(null);
            if (incase == null || Values.isTrue(incase.evaluate(scope))) {
                rows.add(each == null ? everything(scope) : each.project(scope));
            }
        }
        return rows;
    }

    private static Map<String, Object> everything(Scope scope) {
        Map<String, Object> row = new LinkedHashMap<>();
        Projection.copyAll(scope, row);
        return row;
    }
}
