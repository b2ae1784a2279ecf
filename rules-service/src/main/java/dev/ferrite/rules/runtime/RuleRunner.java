package dev.ferrite.rules.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.bus.BusListener;
import dev.ferrite.rules.bus.BusMessage;
import dev.ferrite.rules.bus.TopicMatch;
import dev.ferrite.rules.metrics.RuleMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs every enabled rule that reads a message's topic and the actions of the rules that pass.
 * A rule that throws is counted ({@code failed.exception}) and the others still run.
 */
@Component
class RuleRunner implements BusListener {

    private static final Logger log = LoggerFactory.getLogger(RuleRunner.class);

    private final ActiveRules active;

    RuleRunner(ActiveRules active) {
        this.active = active;
    }

    @Override
    public CompletableFuture<Void> onMessage(BusMessage message) {
        Map<String, Object> context = Collections.unmodifiableMap(message.context());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (LoadedRule rule : active.all()) {
            if (reads(rule, message)) {
                run(rule, context, running);
            }
        }
        return running.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    }

    /**
     * Whether the rule runs for this delivery. A message that matches several of rules-service's
     * filters arrives once per filter; a rule runs only for the delivery through the first of
     * its own filters that matches, so that it runs once per message.
     */
    private static boolean reads(LoadedRule rule, BusMessage message) {
        if (!rule.sql().readsTopic(message.topic())) {
            return false;
        }
        if (message.filters() == null) {
            return true;
        }
        for (String filter : rule.sql().from()) {
            if (TopicMatch.matches(filter, message.topic())) {
                return message.filters().contains(filter);
            }
        }
        return true;
    }

    private static void run(LoadedRule rule, Map<String, Object> context, List<CompletableFuture<Void>> running) {
        RuleMetrics metrics = rule.metrics();
        List<Map<String, Object>> rows;
        try {
            rows = rule.sql().evaluate(context);
        } catch (RuntimeException e) {
            metrics.failedException();
            log.debug("Rule {} failed on {}: {}", rule.id(), context.get("topic"), e.toString());
            return;
        }
        if (rows.isEmpty()) {
            metrics.failedNoResult();
            return;
        }
        metrics.passed();
        for (Map<String, Object> row : rows) {
            for (RuleAction action : rule.actions()) {
                running.add(runAction(rule, action, row));
            }
        }
    }

    private static CompletableFuture<Void> runAction(LoadedRule rule, RuleAction action, Map<String, Object> row) {
        CompletableFuture<Void> result;
        try {
            result = action.run(row);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((ignored, failure) -> {
            if (failure == null) {
                rule.metrics().actionSucceeded();
            } else {
                rule.metrics().actionFailed();
                log.debug("An action of rule {} failed: {}", rule.id(), failure.toString());
            }
            return null;
        });
    }
}
