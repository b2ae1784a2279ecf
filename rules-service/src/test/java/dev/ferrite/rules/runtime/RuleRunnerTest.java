package dev.ferrite.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.bus.BusMessage;
import dev.ferrite.rules.metrics.RuleMetrics;
import dev.ferrite.rules.metrics.RuleMetricsSnapshot;
import dev.ferrite.rules.sql.RuleEvaluationException;
import org.junit.jupiter.api.Test;

class RuleRunnerTest {

    private final ActiveRules active = new ActiveRules();
    private final RuleRunner runner = new RuleRunner(active);
    private final List<Map<String, Object>> actionRows = new ArrayList<>();
    private final RuleAction recording = row -> {
        actionRows.add(row);
        return CompletableFuture.completedFuture(null);
    };

    @Test
    void aRuleThatThrowsIsCountedAndTheOtherRulesStillRun() {
        LoadedRule throwing = rule("throws", List.of("t/#"), context -> {
            throw new RuleEvaluationException("bad payload");
        }, recording);
        LoadedRule passing = rule("passes", List.of("t/#"), context -> List.of(Map.of("v", 1L)), recording);
        active.replace(List.of(throwing, passing));

        runner.onMessage(message("t/1", null)).join();
        runner.onMessage(message("t/2", null)).join();

        assertThat(figures(throwing)).satisfies(f -> {
            assertThat(f.matched()).isEqualTo(2);
            assertThat(f.failedException()).isEqualTo(2);
            assertThat(f.actionsTotal()).isZero();
        });
        assertThat(figures(passing).passed()).isEqualTo(2);
        assertThat(figures(passing).actionsSuccess()).isEqualTo(2);
        assertThat(actionRows).hasSize(2);
    }

    @Test
    void noRowsCountsNoResultAndRunsNoAction() {
        LoadedRule filtered = rule("filtered", List.of("t/#"), context -> List.of(), recording);
        active.replace(List.of(filtered));

        runner.onMessage(message("t/1", null)).join();

        assertThat(figures(filtered).failedNoResult()).isEqualTo(1);
        assertThat(figures(filtered).passed()).isZero();
        assertThat(actionRows).isEmpty();
    }

    @Test
    void everyRowRunsEveryActionAndFailuresAreCountedWhenTheyComplete() {
        CompletableFuture<Void> pendingPublish = new CompletableFuture<>();
        RuleAction failing = row -> CompletableFuture.failedFuture(new IllegalStateException("refused"));
        RuleAction throwing = row -> {
            throw new IllegalArgumentException("bad qos");
        };
        RuleAction slow = row -> pendingPublish;
        LoadedRule foreach = rule("foreach", List.of("t/#"),
                context -> List.of(Map.of("i", 1L), Map.of("i", 2L)), recording, failing, throwing, slow);
        active.replace(List.of(foreach));

        CompletableFuture<Void> done = runner.onMessage(message("t/1", null));

        assertThat(done).isNotDone();
        assertThat(figures(foreach).actionsTotal()).isEqualTo(6);
        pendingPublish.complete(null);
        done.join();
        assertThat(figures(foreach)).satisfies(f -> {
            assertThat(f.passed()).isEqualTo(1);
            assertThat(f.actionsTotal()).isEqualTo(8);
            assertThat(f.actionsSuccess()).isEqualTo(4);
            assertThat(f.actionsFailed()).isEqualTo(4);
        });
    }

    @Test
    void aRuleRunsOnlyForTheDeliveryThroughItsFirstMatchingFilter() {
        LoadedRule both = rule("both", List.of("a/#", "a/+"), context -> List.of(Map.of()), recording);
        LoadedRule plus = rule("plus", List.of("a/+"), context -> List.of(Map.of()), recording);
        active.replace(List.of(both, plus));

        // One message matching both filters arrives twice, once per subscription.
        runner.onMessage(message("a/b", Set.of("a/#"))).join();
        runner.onMessage(message("a/b", Set.of("a/+"))).join();

        assertThat(figures(both).matched()).isEqualTo(1);
        assertThat(figures(plus).matched()).isEqualTo(1);
    }

    @Test
    void aTopicNoRuleReadsRunsNothing() {
        LoadedRule rule = rule("r", List.of("t/#"), context -> List.of(Map.of()), recording);
        active.replace(List.of(rule));

        assertThat(runner.onMessage(message("other", null))).isCompleted();
        assertThat(figures(rule).matched()).isZero();
    }

    private static RuleMetricsSnapshot figures(LoadedRule rule) {
        return rule.metrics().snapshot();
    }

    private static BusMessage message(String topic, Set<String> filters) {
        return new BusMessage(topic, Map.of("topic", topic), filters);
    }

    private static LoadedRule rule(String id, List<String> from,
            java.util.function.Function<Map<String, Object>, List<Map<String, Object>>> evaluation, RuleAction... actions) {
        return new LoadedRule(id, new FakeCompiledRule(from, evaluation), List.of(actions), new RuleMetrics());
    }
}
