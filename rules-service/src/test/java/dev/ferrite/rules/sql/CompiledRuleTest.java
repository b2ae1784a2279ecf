package dev.ferrite.rules.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What a compiled rule promises its caller, beyond what one SQL case shows. */
class CompiledRuleTest {

    @Test
    void fromListsTheSourcesWithoutQuotes() {
        CompiledRule rule = RuleSql.compile("SELECT * FROM \"t/#\", 'a/+/b', \"$events/client_connected\"");

        assertThat(rule.from()).containsExactly("t/#", "a/+/b", "$events/client_connected");
    }

    @Test
    void aRuleStaysUsableAfterAnInputThatFailsIt() {
        CompiledRule rule = RuleSql.compile("SELECT payload.temp * 2 AS double FROM \"t/#\"");

        assertThatThrownBy(() -> rule.evaluate(Map.of("payload", "{\"temp\": \"hot\"}")))
                .isInstanceOf(RuleEvaluationException.class);
        assertThatThrownBy(() -> rule.evaluate(Map.of("payload", "not json")))
                .isInstanceOf(RuleEvaluationException.class);

        assertThat(rule.evaluate(Map.of("payload", "{\"temp\": 21}"))).containsExactly(Map.of("double", 42L));
    }

    @Test
    void noInputIsAnEvaluationFailure() {
        CompiledRule rule = RuleSql.compile("SELECT * FROM \"t/#\"");

        assertThatThrownBy(() -> rule.evaluate(null)).isInstanceOf(RuleEvaluationException.class);
    }

    @Test
    void aDeeplyNestedPayloadFailsTheRuleWithoutAnError() {
        CompiledRule rule = RuleSql.compile("SELECT payload.a AS a FROM \"t/#\"");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> rule.evaluate(Map.of("payload", deep)))
                .isInstanceOf(RuleEvaluationException.class);
    }

    @Test
    void thePayloadIsReadAndDecodedOncePerEvaluation() {
        CompiledRule rule = RuleSql.compile(
                "SELECT payload.a AS a, payload.b AS b, payload.c[1] AS c FROM \"t/#\" WHERE payload.a > 0");
        AtomicInteger payloadReads = new AtomicInteger();
        Map<String, Object> message = new HashMap<>(Map.of("payload", "{\"a\": 1, \"b\": 2, \"c\": [3]}")) {
            @Override
            public Object get(Object key) {
                if ("payload".equals(key)) {
                    payloadReads.incrementAndGet();
                }
                return super.get(key);
            }
        };

        assertThat(rule.evaluate(message)).containsExactly(Map.of("a", 1L, "b", 2L, "c", 3L));
        assertThat(payloadReads).hasValue(1);
        rule.evaluate(message);
        assertThat(payloadReads).as("the next evaluation decodes its own payload").hasValue(2);
    }

    @Test
    void valuesFromTheCallerBecomeRuleValues() {
        CompiledRule rule = RuleSql.compile("SELECT qos, qos + 1 AS next, ratio, at, raw FROM \"t/#\"");
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        Map<String, Object> message = Map.of("qos", 1, "ratio", 0.5f, "at", at, "raw", "x".getBytes());

        assertThat(rule.evaluate(message)).containsExactly(
                Map.of("qos", 1L, "next", 2L, "ratio", 0.5, "at", "2024-01-01T00:00:00Z", "raw", "x"));
    }

    @Test
    void oneCompiledRuleServesManyThreadsAtOnce() throws Exception {
        CompiledRule rule = RuleSql.compile(
                "FOREACH payload.values AS v DO clientid, v * 2 AS doubled INCASE v > 0 FROM \"t/#\" WHERE qos = 1");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> work = IntStream.range(0, 2_000).<Callable<Boolean>>mapToObj(i -> () -> {
                Map<String, Object> message = Map.of("clientid", "c" + i, "qos", 1L,
                        "payload", "{\"values\": [" + i + ", -1, " + (i + 1) + "]}");
                List<Map<String, Object>> rows = rule.evaluate(message);
                List<Map<String, Object>> expected = i == 0
                        ? List.of(Map.of("clientid", "c0", "doubled", 2L))
                        : List.of(Map.of("clientid", "c" + i, "doubled", 2L * i),
                                Map.of("clientid", "c" + i, "doubled", 2L * (i + 1)));
                return rows.equals(expected);
            }).toList();
            for (Future<Boolean> result : threads.invokeAll(work)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void sqlNestedBeyondReasonIsACompileErrorNotAnError() {
        String deep = "SELECT " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + " AS x FROM \"t/#\"";

        assertThatThrownBy(() -> RuleSql.compile(deep))
                .isInstanceOf(RuleSqlException.class)
                .hasMessageContaining("nests too deeply");
    }

    @Test
    void compileErrorsCarryTheirPosition() {
        assertThatThrownBy(() -> RuleSql.compile("SELECT\n  clientid,\n  nope(1)\nFROM \"t/#\""))
                .isInstanceOfSatisfying(RuleSqlException.class, error -> {
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo(3);
                    assertThat(error.getMessage()).isEqualTo("line 3, column 3: unknown function nope()");
                });
    }
}
