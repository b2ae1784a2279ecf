package dev.ferrite.rules.rule;

import java.util.List;

import dev.ferrite.rules.action.ActionFactories;
import dev.ferrite.rules.action.ActionSpec;
import dev.ferrite.rules.action.InvalidActionException;
import dev.ferrite.rules.sql.CompiledRule;
import dev.ferrite.rules.sql.RuleSql;
import dev.ferrite.rules.sql.RuleSqlException;

import org.springframework.stereotype.Component;

/** Whether a rule can be saved: its SQL compiles and every action can be built. */
@Component
public class RuleCheck {

    private final ActionFactories actions;

    public RuleCheck(ActionFactories actions) {
        this.actions = actions;
    }

    /** @throws InvalidRuleException saying what is wrong, with line and column for SQL */
    public CompiledRule check(String ruleId, String sql, List<ActionSpec> specs) {
        CompiledRule compiled = compile(sql);
        for (int i = 0; i < specs.size(); i++) {
            try {
                actions.create(ruleId, specs.get(i));
            } catch (InvalidActionException e) {
                throw new InvalidRuleException("actions[" + i + "]: " + e.getMessage());
            }
        }
        return compiled;
    }

    public static CompiledRule compile(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidRuleException("sql is required");
        }
        try {
            return RuleSql.compile(sql);
        } catch (RuleSqlException e) {
            throw InvalidRuleException.badSql(e);
        }
    }
}
