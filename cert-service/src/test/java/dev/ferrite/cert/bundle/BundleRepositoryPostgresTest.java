package dev.ferrite.cert.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import dev.ferrite.cert.ca.KeyType;
import dev.ferrite.testing.postgres.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The V3 migration and the bundle repository on PostgreSQL, as production runs them. */
@ExtendWith(PostgresSchema.Reachable.class)
class BundleRepositoryPostgresTest {

    private static final Instant CREATED = Instant.parse("2025-03-30T01:30:00.123456Z");
    private static final Instant NOT_AFTER = Instant.parse("2026-10-26T23:59:59Z");

    private static PostgresSchema schema;
    private static BundleRepository repository;

    @BeforeAll
    static void migrate() throws SQLException {
        schema = PostgresSchema.migrated();
        repository = new BundleRepository(schema.jdbc());
    }

    @AfterAll
    static void drop() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void empty() {
        schema.jdbc().sql("DELETE FROM certificate_bundle_version").update();
        schema.jdbc().sql("DELETE FROM certificate_bundle").update();
    }

    @Test
    void theMigrationsRan() {
        assertThat(schema.migration().success).isTrue();
        assertThat(schema.jdbc().sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
                .param(schema.name()).query(String.class).list())
                .contains("certificate_bundle", "certificate_bundle_version", "alarm");
    }

    @Test
    void anIssuedBundleRoundTripsWithItsParametersAndTimes() {
        IssueParameters issue = new IssueParameters("default", "broker.example.test",
                List.of("DNS:broker.example.test", "IP:127.0.0.1"), "server", null, "ec-p256");
        Bundle bundle = new Bundle("broker", BundleSource.ISSUED, issue, version(1, "aa"), null, CREATED);

        repository.create(bundle);

        assertThat(repository.find("broker")).contains(bundle);
        assertThat(repository.findAll()).containsExactly(bundle);
    }

    @Test
    void aReplacementKeepsThePreviousAndDropsTheOneBefore() {
        Bundle first = new Bundle("listener", BundleSource.UPLOADED, null, version(1, "01"), null, CREATED);
        repository.create(first);
        Bundle second = first.replacedBy(BundleSource.UPLOADED, null, version(2, "02"), CREATED.plusSeconds(1));
        repository.replace(second, first.previous());
        Bundle third = second.replacedBy(BundleSource.UPLOADED, null, version(3, "03"), CREATED.plusSeconds(2));

        repository.replace(third, second.previous());

        assertThat(repository.find("listener")).contains(third);
        assertThat(versions("listener")).containsExactly(2L, 3L);

        Bundle released = third.withoutPrevious(CREATED.plusSeconds(3));
        repository.releasePrevious(released, third.previous());

        assertThat(repository.find("listener")).contains(released);
        assertThat(versions("listener")).containsExactly(3L);
    }

    @Test
    void deletingABundleDeletesItsVersions() {
        repository.create(new Bundle("doomed", BundleSource.UPLOADED, null, version(1, "0d"), null, CREATED));

        assertThat(repository.delete("doomed")).isTrue();

        assertThat(repository.find("doomed")).isEmpty();
        assertThat(versions("doomed")).isEmpty();
        assertThat(repository.delete("doomed")).isFalse();
    }

    private static List<Long> versions(String bundle) {
        return schema.jdbc().sql("SELECT version FROM certificate_bundle_version WHERE bundle = ? ORDER BY version")
                .param(bundle).query(Long.class).list();
    }

    private static BundleVersion version(long version, String serial) {
        return new BundleVersion(version, "chain " + version, "v1:sealed-" + version, KeyType.EC_P256,
                version % 2 == 0 ? null : "ca " + version, serial, NOT_AFTER.plusSeconds(version), CREATED.plusSeconds(version));
    }
}
