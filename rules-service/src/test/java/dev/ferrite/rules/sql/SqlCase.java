package dev.ferrite.rules.sql;

import java.util.List;
import java.util.Map;

/**
 * One row of the SQL case table: a rule, what it is given, and what must come out: rows, a
 * compile error at a line and column, or an evaluation failure.
 */
record SqlCase(String name, String source, String sql, Map<String, Object> context, List<Object> rows,
        String compileError, String evaluationError, List<String> reads, List<String> ignores) {

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }
}
