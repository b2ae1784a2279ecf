package dev.ferrite.rules.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every rule's {@link RuleMetrics} on this replica, also on Prometheus as
 * {@code ferrite_rule_*{rule_id}} (counters) and {@code ferrite_rule_matched_rate*} (gauges).
 */
@Component
public class RuleMetricsRegistry {

    private record Entry(RuleMetrics metrics, List<Meter> meters) {
    }

    private final MeterRegistry meters;
    private final Map<String, Entry> rules = new ConcurrentHashMap<>();

    public RuleMetricsRegistry(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The rule's metrics, created (at zero) the first time. */
    public RuleMetrics forRule(String ruleId) {
        return rules.computeIfAbsent(ruleId, this::register).metrics();
    }

    /** Drops the metrics of rules that no longer exist. */
    public void retainOnly(Set<String> ruleIds) {
        rules.keySet().stream().filter(id -> !ruleIds.contains(id)).toList().forEach(this::remove);
    }

    public void remove(String ruleId) {
        Entry entry = rules.remove(ruleId);
        if (entry != null) {
            entry.meters().forEach(meters::remove);
        }
    }

    @Scheduled(fixedRate = 1000)
    void sampleRates() {
        long now = System.nanoTime();
        rules.values().forEach(entry -> entry.metrics().sampleRate(now));
    }

    private Entry register(String ruleId) {
        RuleMetrics metrics = new RuleMetrics();
        List<Meter> registered = new ArrayList<>();
        counter(registered, "ferrite.rule.matched", "Messages and events the rule's FROM matched", ruleId, metrics,
                m -> m.snapshot().matched());
        counter(registered, "ferrite.rule.passed", "Inputs for which the rule's SQL produced output", ruleId, metrics,
                m -> m.snapshot().passed());
        counter(registered, "ferrite.rule.failed", "Inputs that failed the rule (exception or no result)", ruleId, metrics,
                m -> m.snapshot().failed());
        counter(registered, "ferrite.rule.failed.exception", "Inputs on which the rule threw", ruleId, metrics,
                m -> m.snapshot().failedException());
        counter(registered, "ferrite.rule.failed.no.result", "Inputs the rule's WHERE kept nothing of", ruleId, metrics,
                m -> m.snapshot().failedNoResult());
        counter(registered, "ferrite.rule.actions", "Actions run (successful plus failed)", ruleId, metrics,
                m -> m.snapshot().actionsTotal());
        counter(registered, "ferrite.rule.actions.success", "Actions that succeeded", ruleId, metrics,
                m -> m.snapshot().actionsSuccess());
        counter(registered, "ferrite.rule.actions.failed", "Actions that failed", ruleId, metrics,
                m -> m.snapshot().actionsFailed());
        gauge(registered, "ferrite.rule.matched.rate", "Matched inputs per second, now", ruleId, metrics,
                m -> RuleMetricsSnapshot.round(m.snapshot().matchedRate()));
        gauge(registered, "ferrite.rule.matched.rate.max", "Highest matched inputs per second", ruleId, metrics,
                m -> RuleMetricsSnapshot.round(m.snapshot().matchedRateMax()));
        gauge(registered, "ferrite.rule.matched.rate.last5m", "Matched inputs per second over the last five minutes",
                ruleId, metrics, m -> RuleMetricsSnapshot.round(m.snapshot().matchedRateLast5m()));
        return new Entry(metrics, List.copyOf(registered));
    }

    private void counter(List<Meter> registered, String name, String description, String ruleId, RuleMetrics metrics,
            ToDoubleFunction<RuleMetrics> value) {
        registered.add(FunctionCounter.builder(name, metrics, value).description(description).tag("rule_id", ruleId)
                .register(meters));
    }

    private void gauge(List<Meter> registered, String name, String description, String ruleId, RuleMetrics metrics,
            ToDoubleFunction<RuleMetrics> value) {
        registered.add(Gauge.builder(name, metrics, value).description(description).tag("rule_id", ruleId)
                .register(meters));
    }
}
