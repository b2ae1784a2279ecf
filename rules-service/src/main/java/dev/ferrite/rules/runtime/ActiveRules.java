package dev.ferrite.rules.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** The enabled rules this replica runs, replaced as a whole whenever the stored rules change. */
@Component
class ActiveRules {

    private volatile List<LoadedRule> rules = List.of();

    List<LoadedRule> all() {
        return rules;
    }

    void replace(List<LoadedRule> loaded) {
        rules = List.copyOf(loaded);
    }

    /** Every topic filter and {@code $events/...} topic the rules read. */
    Set<String> filters() {
        Set<String> filters = new LinkedHashSet<>();
        rules.forEach(rule -> filters.addAll(rule.sql().from()));
        return filters;
    }
}
