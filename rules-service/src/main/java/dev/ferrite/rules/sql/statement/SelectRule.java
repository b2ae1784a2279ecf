package dev.ferrite.rules.sql.statement;

import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.eval.Evaluator;
import dev.ferrite.rules.sql.eval.Scope;

/** {@code SELECT fields FROM sources [WHERE condition]}: one row, built before WHERE so that WHERE sees its aliases. */
public final class SelectRule extends Statement {

    private final Projection fields;

    public SelectRule(Projection fields, Sources sources, Evaluator where) {
        super(sources, where);
        this.fields = fields;
    }

    @Override
    List<Map<String, Object>> run(Scope scope) {
        Map<String, Object> row = fields.project(scope);
        return passes(scope) ? List.of(row) : List.of();
    }
}
