package dev.ferrite.cert.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import dev.ferrite.testing.postgres.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alarm table and its queries on PostgreSQL, as production runs them. */
@ExtendWith(PostgresSchema.Reachable.class)
class AlarmRepositoryPostgresTest {

    private static final Instant AT = Instant.parse("2025-03-30T01:30:00.123456Z");

    private static PostgresSchema schema;
    private static AlarmRepository repository;

    @BeforeAll
    static void migrate() throws SQLException {
        schema = PostgresSchema.migrated();
        repository = new AlarmRepository(schema.jdbc());
    }

    @AfterAll
    static void drop() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void empty() {
        schema.jdbc().sql("DELETE FROM alarm").update();
    }

    @Test
    void anAlarmRoundTripsAndEnds() {
        repository.insert("bundle_expiring/web", "expires soon", Map.of("bundle", "web", "serial", "ab"), AT);

        Alarm active = repository.findActive("bundle_expiring/web").orElseThrow();
        assertThat(active.activated()).isTrue();
        assertThat(active.activateAt()).isEqualTo(AT);
        assertThat(active.details()).isEqualTo(Map.of("bundle", "web", "serial", "ab"));
        assertThat(active.deactivateAt()).isNull();

        repository.deactivate(active.id(), AT.plusSeconds(60));

        assertThat(repository.findActive("bundle_expiring/web")).isEmpty();
        Alarm ended = repository.find(false, 0, 10).get(0);
        assertThat(ended.deactivateAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(repository.count(false)).isEqualTo(1);
        assertThat(repository.count(true)).isZero();
    }

    @Test
    void activeAlarmsAreFoundByPrefixTakingUnderscoresLiterally() {
        repository.insert("bundle_expiring/one", "m", Map.of(), AT);
        repository.insert("bundleXexpiring/two", "m", Map.of(), AT);
        repository.insert("ca_expiring/default", "m", Map.of(), AT);

        assertThat(repository.findActiveNamed("bundle_expiring/")).extracting(Alarm::name)
                .containsExactly("bundle_expiring/one");
    }

    @Test
    void clearingDeletesOnlyTheEndedAlarms() {
        repository.insert("ca_expiring/ended", "m", Map.of(), AT);
        repository.deactivate(repository.findActive("ca_expiring/ended").orElseThrow().id(), AT.plusSeconds(1));
        repository.insert("ca_expiring/active", "m", Map.of(), AT);

        assertThat(repository.deleteDeactivated()).isEqualTo(1);

        assertThat(repository.find(null, 0, 10)).extracting(Alarm::name).containsExactly("ca_expiring/active");
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        repository.insert("a", "m", Map.of(), AT);
        repository.insert("b", "m", Map.of(), AT.plusSeconds(1));
        repository.insert("c", "m", Map.of(), AT.plusSeconds(2));

        assertThat(repository.find(true, 0, 2)).extracting(Alarm::name).containsExactly("c", "b");
        assertThat(repository.find(true, 2, 2)).extracting(Alarm::name).containsExactly("a");
        assertThat(repository.count(null)).isEqualTo(3);
    }
}
