package dev.ferrite.rules.runtime;

import java.util.List;

import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.metrics.RuleMetrics;
import dev.ferrite.rules.sql.CompiledRule;

/** An enabled rule ready to run: compiled SQL, prepared actions, and where its figures go. */
record LoadedRule(String id, CompiledRule sql, List<RuleAction> actions, RuleMetrics metrics) {

    LoadedRule {
        actions = List.copyOf(actions);
    }
}
