package dev.ferrite.rules.rule;

import java.time.Instant;
import java.util.List;

import dev.ferrite.rules.action.ActionSpec;

/** A rule as stored: its SQL as written, its actions in EMQX's shape, and whether it runs. */
public record Rule(String id, String name, String sql, List<ActionSpec> actions, boolean enabled, String description,
        Instant createdAt, Instant updatedAt) {

    public Rule {
        actions = List.copyOf(actions);
    }
}
