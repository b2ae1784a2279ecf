package dev.ferrite.rules.rule;

/** Published (after commit) when this replica changed the stored rules, so that it applies them at once. */
public record RulesChanged(String ruleId) {
}
