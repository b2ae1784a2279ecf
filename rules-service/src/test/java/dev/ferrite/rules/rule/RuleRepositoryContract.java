package dev.ferrite.rules.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.action.ActionSpec;
import org.junit.jupiter.api.Test;

/** What the rule repository does on every database it runs on. */
abstract class RuleRepositoryContract {

    private static final Instant CREATED = Instant.parse("2026-03-29T01:30:00.123Z");

    abstract RuleRepository repository();

    @Test
    void aRuleRoundTripsWithItsActionsInEmqxsShape() {
        Rule rule = new Rule("hot", "Hot sensors", "SELECT payload.t AS t FROM \"sensors/+/data\" WHERE payload.t > 30",
                List.of(new ActionSpec.Function("republish", Map.of("topic", "alerts/${clientid}", "qos", 1L)),
                        new ActionSpec.Function("console", Map.of()), new ActionSpec.Bridge("pubsub", "telemetry")),
                true, "too hot", CREATED, CREATED.plusSeconds(1));

        repository().insert(rule);

        assertThat(repository().find("hot")).contains(rule);
        assertThat(repository().findAll()).containsExactly(rule);
    }

    @Test
    void everyChangeMovesTheVersionAndFailedChangesDoNot() {
        long start = repository().version();
        Rule rule = new Rule("v", "", "SELECT * FROM \"t\"", List.of(), true, "", CREATED, CREATED);

        repository().insert(rule);
        assertThat(repository().version()).isEqualTo(start + 1);
        assertThat(repository().update(new Rule("v", "n", rule.sql(), List.of(), false, "off", CREATED,
                CREATED.plusSeconds(5)))).isTrue();
        assertThat(repository().version()).isEqualTo(start + 2);
        assertThat(repository().find("v")).get().satisfies(updated -> {
            assertThat(updated.enabled()).isFalse();
            assertThat(updated.createdAt()).isEqualTo(CREATED);
            assertThat(updated.updatedAt()).isEqualTo(CREATED.plusSeconds(5));
        });
        assertThat(repository().delete("v")).isTrue();
        assertThat(repository().version()).isEqualTo(start + 3);

        assertThat(repository().delete("v")).isFalse();
        assertThat(repository().update(rule)).isFalse();
        assertThat(repository().version()).isEqualTo(start + 3);
    }

    @Test
    void longSqlAndDescriptionsAreKeptWhole() {
        String sql = "SELECT " + "payload.a, ".repeat(2000) + "payload.b FROM \"t/#\"";
        String description = "d".repeat(20_000);
        repository().insert(new Rule("long", "", sql, List.of(), true, description, CREATED, CREATED));

        assertThat(repository().find("long")).get().satisfies(rule -> {
            assertThat(rule.sql()).isEqualTo(sql);
            assertThat(rule.description()).isEqualTo(description);
        });
    }
}
