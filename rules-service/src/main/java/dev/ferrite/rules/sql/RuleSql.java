package dev.ferrite.rules.sql;

import dev.ferrite.rules.sql.compile.RuleCompiler;

/** Compiles EMQX rule SQL. */
public final class RuleSql {

    private RuleSql() {
    }

    /**
     * @throws RuleSqlException with line and column when the SQL does not parse, names an unknown
     *         function, calls one with the wrong number of arguments, or names an invalid topic filter
     */
    public static CompiledRule compile(String sql) {
        return RuleCompiler.compile(sql);
    }
}
