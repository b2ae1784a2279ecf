package dev.ferrite.cert.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The V2 migration and CRL numbering on the machine's PostgreSQL, in a schema of their own.
 * Without PostgreSQL the tests are skipped, except on CI where they fail.
 */
@ExtendWith(CrlNumberRepositoryPostgresTest.PostgresReachable.class)
class CrlNumberRepositoryPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private static String schema;
    private static JdbcClient jdbc;
    private static CrlNumberRepository numbers;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void migrateAFreshSchema() throws SQLException {
        String name = "ferrite_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
        schema = name;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(SERVER + "?currentSchema=" + schema, USER, "");
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        numbers = new CrlNumberRepository(jdbc);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        insertCa("first");
        insertCa("second");
        insertCa("contended");
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void eachCaCountsFromOneOnItsOwn() {
        assertThat(next("first")).isEqualTo(1);
        assertThat(next("first")).isEqualTo(2);
        assertThat(next("second")).isEqualTo(1);
        assertThat(next("first")).isEqualTo(3);
    }

    @Test
    void concurrentTransactionsNeverTakeTheSameNumber() throws InterruptedException, ExecutionException, TimeoutException {
        long start = next("contended");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> taken = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                taken.add(threads.submit((Callable<Long>) () -> next("contended")));
            }
            List<Long> values = new ArrayList<>();
            for (Future<Long> number : taken) {
                values.add(number.get(30, TimeUnit.SECONDS));
            }
            assertThat(values).doesNotHaveDuplicates().allSatisfy(value -> assertThat(value).isBetween(start + 1, start + 12));
        } finally {
            threads.shutdownNow();
        }
    }

    private static long next(String ca) {
        return transaction.execute(status -> numbers.next(ca));
    }

    private static void insertCa(String name) {
        jdbc.sql("INSERT INTO certificate_authority (name, key_type, root_certificate, issuing_certificate, issuing_key,"
                        + " created_at) VALUES (?, 'EC_P256', 'root', 'issuer', 'key', ?)")
                .params(name, OffsetDateTime.now()).update();
    }

    private static Connection adminConnection() throws SQLException {
        try {
            return DriverManager.getConnection(SERVER + "?connectTimeout=5", USER, "");
        } catch (SQLException e) {
            throw new AssertionError(unreachable(e) + " (CI is set, so this fails instead of being skipped)", e);
        }
    }

    private static String unreachable(SQLException e) {
        return "PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + e.getMessage();
    }

    /** Skips the class when PostgreSQL is missing, unless the environment variable CI is set. */
    static class PostgresReachable implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                return ConditionEvaluationResult.enabled("CI is set: PostgreSQL is required");
            }
            try (Connection probe = DriverManager.getConnection(SERVER + "?connectTimeout=5", USER, "")) {
                return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
            } catch (SQLException e) {
                return ConditionEvaluationResult.disabled(unreachable(e) + "; skipped because CI is not set");
            }
        }
    }
}
