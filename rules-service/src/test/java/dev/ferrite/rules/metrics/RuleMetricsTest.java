package dev.ferrite.rules.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RuleMetricsTest {

    @Test
    void totalsAreTheSumsOfTheirPartsInEmqxsNames() {
        RuleMetrics metrics = new RuleMetrics();
        metrics.passed();
        metrics.passed();
        metrics.failedException();
        metrics.failedNoResult();
        metrics.failedNoResult();
        metrics.actionSucceeded();
        metrics.actionFailed();

        Map<String, Object> json = metrics.snapshot().toEmqxJson();

        assertThat(json).containsEntry("matched", 5L).containsEntry("passed", 2L).containsEntry("failed", 3L)
                .containsEntry("failed.exception", 1L).containsEntry("failed.no_result", 2L)
                .containsEntry("actions.total", 2L).containsEntry("actions.success", 1L)
                .containsEntry("actions.failed", 1L).containsEntry("matched.rate", 0.0)
                .containsKeys("matched.rate.max", "matched.rate.last5m");
    }

    @Test
    void ratesAreRoundedToTwoDecimals() {
        RuleMetrics metrics = new RuleMetrics();
        metrics.sampleRate(0);
        metrics.passed();
        metrics.sampleRate(TimeUnit.SECONDS.toNanos(3));

        assertThat(metrics.snapshot().toEmqxJson()).containsEntry("matched.rate", 0.33);
    }

    @Test
    void prometheusShowsEachRulesCountersUntilTheRuleIsGone() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RuleMetricsRegistry registry = new RuleMetricsRegistry(meters);
        registry.forRule("r1").passed();
        registry.forRule("r1").failedException();

        assertThat(meters.get("ferrite.rule.matched").tag("rule_id", "r1").functionCounter().count()).isEqualTo(2.0);
        assertThat(meters.get("ferrite.rule.failed.exception").tag("rule_id", "r1").functionCounter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("ferrite.rule.matched.rate").tag("rule_id", "r1").gauge().value()).isZero();

        registry.retainOnly(java.util.Set.of("r2"));
        assertThat(meters.find("ferrite.rule.matched").tag("rule_id", "r1").functionCounter()).isNull();
    }
}
