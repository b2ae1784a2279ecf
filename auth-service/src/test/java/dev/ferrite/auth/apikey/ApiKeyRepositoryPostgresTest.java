package dev.ferrite.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;

import dev.ferrite.apikeyguard.ApiRole;
import dev.ferrite.testing.postgres.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration and the repository on the machine's PostgreSQL, in a schema of their own.
 * Without PostgreSQL the tests are skipped, except on CI where they fail.
 */
@ExtendWith(PostgresSchema.Reachable.class)
class ApiKeyRepositoryPostgresTest {

    private static final Instant CREATED = Instant.parse("2025-03-30T01:30:00.123456Z");
    private static final Instant EXPIRES = Instant.parse("2031-10-26T23:59:59.654321Z");

    private static PostgresSchema schema;
    private static JdbcClient jdbc;
    private static ApiKeyRepository repository;

    @BeforeAll
    static void migrateAFreshSchema() throws SQLException {
        schema = PostgresSchema.migrated();
        jdbc = schema.jdbc();
        repository = new ApiKeyRepository(jdbc);
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void emptyTheTable() {
        jdbc.sql("DELETE FROM api_key").update();
    }

    @Test
    void theMigrationRanInTheTestSchema() {
        assertThat(schema.migration().success).isTrue();
        assertThat(schema.migration().migrationsExecuted).isEqualTo(1);
        assertThat(jdbc.sql("SELECT table_schema FROM information_schema.tables WHERE table_name = 'api_key'")
                .query(String.class).list()).contains(schema.name());
    }

    @Test
    void insertsAndFindsAKeyByNameAndByApiKey() {
        ApiKey key = key("reader", "0123456789abcdef", ApiRole.VIEWER, EXPIRES);

        repository.insert(key);

        assertThat(repository.findByName("reader")).contains(key);
        assertThat(repository.findByApiKey("0123456789abcdef")).contains(key);
        assertThat(repository.findByName("nobody")).isEmpty();
        assertThat(repository.findByApiKey("fedcba9876543210")).isEmpty();
    }

    @Test
    void aKeyWithoutExpiryRoundTrips() {
        ApiKey key = key("forever", "1111111111111111", ApiRole.ADMINISTRATOR, null);

        repository.insert(key);

        assertThat(repository.findByName("forever")).hasValueSatisfying(found -> {
            assertThat(found.expiresAt()).isNull();
            assertThat(found).isEqualTo(key);
        });
        assertThat(jdbc.sql("SELECT expires_at IS NULL FROM api_key WHERE name = 'forever'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void timestampsAreStoredAsTheSameInstantsWhateverTheSessionTimeZone() {
        repository.insert(key("zoned", "2222222222222222", ApiRole.PUBLISHER, EXPIRES));

        assertThat(jdbc.sql("SHOW TimeZone").query(String.class).single()).isEqualTo(PostgresSchema.sessionTimeZone());
        assertThat(jdbc.sql("SELECT extract(epoch FROM created_at) FROM api_key WHERE name = 'zoned'")
                .query(BigDecimal.class).single()).isEqualByComparingTo(epochSeconds(CREATED));
        assertThat(jdbc.sql("SELECT extract(epoch FROM expires_at) FROM api_key WHERE name = 'zoned'")
                .query(BigDecimal.class).single()).isEqualByComparingTo(epochSeconds(EXPIRES));
        assertThat(jdbc.sql("SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
                + " FROM api_key WHERE name = 'zoned'").query(String.class).single())
                .isEqualTo("2031-10-26 23:59:59.654321");
    }

    @Test
    void listsKeysByCreationTimeThenName() {
        repository.insert(key("b-later", "3333333333333333", ApiRole.VIEWER, null, CREATED.plusSeconds(60)));
        repository.insert(key("z-first", "4444444444444444", ApiRole.VIEWER, null, CREATED));
        repository.insert(key("a-later", "5555555555555555", ApiRole.VIEWER, null, CREATED.plusSeconds(60)));

        assertThat(repository.findAll()).extracting(ApiKey::name).containsExactly("z-first", "a-later", "b-later");
    }

    @Test
    void updatesEverythingButTheNameKeyAndCreationTime() {
        repository.insert(key("changing", "6666666666666666", ApiRole.VIEWER, null));
        ApiKey changed = new ApiKey("changing", "6666666666666666", "{bcrypt}$2a$10$changed", ApiRole.PUBLISHER,
                "after", false, EXPIRES, CREATED, ApiKey.Source.BOOTSTRAP_FILE);

        assertThat(repository.update(changed)).isTrue();

        assertThat(repository.findByName("changing")).contains(changed);
    }

    @Test
    void anUpdateCanClearTheExpiry() {
        repository.insert(key("clearing", "7777777777777777", ApiRole.VIEWER, EXPIRES));
        ApiKey current = repository.findByName("clearing").orElseThrow();

        repository.update(new ApiKey(current.name(), current.apiKey(), current.secretHash(), current.role(),
                current.description(), current.enabled(), null, current.createdAt(), current.source()));

        assertThat(repository.findByName("clearing").orElseThrow().expiresAt()).isNull();
    }

    @Test
    void updatingAnUnknownKeyChangesNothing() {
        assertThat(repository.update(key("ghost", "8888888888888888", ApiRole.VIEWER, null))).isFalse();
        assertThat(repository.findAll()).isEmpty();
    }

    @Test
    void deletesOnlyTheNamedKey() {
        repository.insert(key("going", "9999999999999999", ApiRole.VIEWER, null));
        repository.insert(key("staying", "aaaaaaaaaaaaaaaa", ApiRole.VIEWER, null));

        assertThat(repository.delete("going")).isTrue();
        assertThat(repository.delete("going")).isFalse();

        assertThat(repository.findAll()).extracting(ApiKey::name).containsExactly("staying");
    }

    @Test
    void namesAndApiKeysAreUnique() {
        repository.insert(key("unique", "bbbbbbbbbbbbbbbb", ApiRole.VIEWER, null));

        assertThatThrownBy(() -> repository.insert(key("unique", "cccccccccccccccc", ApiRole.VIEWER, null)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> repository.insert(key("other", "bbbbbbbbbbbbbbbb", ApiRole.VIEWER, null)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static ApiKey key(String name, String apiKey, ApiRole role, Instant expiresAt) {
        return key(name, apiKey, role, expiresAt, CREATED);
    }

    private static ApiKey key(String name, String apiKey, ApiRole role, Instant expiresAt, Instant createdAt) {
        return new ApiKey(name, apiKey, "{bcrypt}$2a$10$" + name, role, "description of " + name, true, expiresAt,
                createdAt, ApiKey.Source.API);
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }
}
