package dev.ferrite.cert.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import dev.ferrite.testing.postgres.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The V2 migration and CRL numbering on the machine's PostgreSQL, in a schema of their own.
 * Without PostgreSQL the tests are skipped, except on CI where they fail.
 */
@ExtendWith(PostgresSchema.Reachable.class)
class CrlNumberRepositoryPostgresTest {

    private static PostgresSchema schema;
    private static JdbcClient jdbc;
    private static CrlNumberRepository numbers;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void migrateAFreshSchema() throws SQLException {
        schema = PostgresSchema.migrated();
        DataSource dataSource = schema.connections();
        jdbc = JdbcClient.create(dataSource);
        numbers = new CrlNumberRepository(jdbc);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        insertCa("first");
        insertCa("second");
        insertCa("contended");
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        if (schema != null) {
            schema.close();
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
}
