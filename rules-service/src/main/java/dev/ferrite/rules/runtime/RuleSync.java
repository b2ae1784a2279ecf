package dev.ferrite.rules.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;

import dev.ferrite.rules.RulesProperties;
import dev.ferrite.rules.action.ActionFactories;
import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.bus.GatewayConnection;
import dev.ferrite.rules.metrics.RuleMetricsRegistry;
import dev.ferrite.rules.rule.Rule;
import dev.ferrite.rules.rule.RuleRepository;
import dev.ferrite.rules.rule.RulesChanged;
import dev.ferrite.rules.sql.CompiledRule;
import dev.ferrite.rules.sql.RuleSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps what this replica runs equal to what is stored: at start, at once after a change made
 * through this replica, and within the poll interval after a change made through another (the
 * rule set's version moved). Then the shared subscriptions follow the enabled rules' FROM.
 */
@Component
class RuleSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleSync.class);

    private final RuleRepository repository;
    private final ActionFactories actions;
    private final RuleMetricsRegistry metrics;
    private final ActiveRules active;
    private final GatewayConnection gateway;
    private final TaskScheduler scheduler;
    private final RulesProperties properties;
    private volatile long loadedVersion = -1;
    private volatile ScheduledFuture<?> polling;

    RuleSync(RuleRepository repository, ActionFactories actions, RuleMetricsRegistry metrics, ActiveRules active,
            GatewayConnection gateway, TaskScheduler scheduler, RulesProperties properties) {
        this.repository = repository;
        this.actions = actions;
        this.metrics = metrics;
        this.active = active;
        this.gateway = gateway;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void start() {
        reload();
        polling = scheduler.scheduleWithFixedDelay(this::poll, properties.pollInterval());
    }

    @Override
    public void stop() {
        ScheduledFuture<?> scheduled = polling;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }

    @TransactionalEventListener
    void rulesChanged(RulesChanged change) {
        try {
            reload();
        } catch (RuntimeException e) {
            // The change is committed; the next poll applies it.
            log.warn("Applying the change of rule '{}' failed: {}", change.ruleId(), e.toString());
        }
    }

    void poll() {
        try {
            if (repository.version() != loadedVersion) {
                reload();
            } else {
                // Retries subscriptions the gateway refused or could not answer.
                gateway.subscribeExactly(active.filters());
            }
        } catch (RuntimeException e) {
            log.warn("Checking for rule changes failed: {}", e.toString());
        }
    }

    synchronized void reload() {
        long version = repository.version();
        List<Rule> stored = repository.findAll();
        List<LoadedRule> loaded = new ArrayList<>();
        for (Rule rule : stored) {
            metrics.forRule(rule.id());
            if (rule.enabled()) {
                load(rule, loaded);
            }
        }
        active.replace(loaded);
        metrics.retainOnly(stored.stream().map(Rule::id).collect(Collectors.toSet()));
        loadedVersion = version;
        Set<String> filters = active.filters();
        log.debug("Loaded {} enabled rules of {} (version {}), reading {}", loaded.size(), stored.size(), version, filters);
        gateway.subscribeExactly(filters);
    }

    private void load(Rule rule, List<LoadedRule> loaded) {
        try {
            CompiledRule sql = RuleSql.compile(rule.sql());
            List<RuleAction> prepared = actions.createAll(rule.id(), rule.actions());
            loaded.add(new LoadedRule(rule.id(), sql, prepared, metrics.forRule(rule.id())));
        } catch (RuntimeException e) {
            // Checked when saved; this happens only when this replica's code differs (an older version).
            log.error("Rule '{}' cannot run on this replica and is skipped: {}", rule.id(), e.getMessage());
        }
    }
}
