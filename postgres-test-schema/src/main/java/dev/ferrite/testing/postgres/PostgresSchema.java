package dev.ferrite.testing.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A service's Flyway migrations ({@code classpath:db/migration} unless told otherwise) in a throwaway schema of the
 * machine's PostgreSQL (127.0.0.1:5432, database {@code test}), with a session time zone far
 * from UTC and not a whole hour, so that a time zone mix-up cannot go unnoticed.
 */
public final class PostgresSchema implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String SESSION_TIME_ZONE = "Pacific/Chatham";

    private final String schema;
    private final MigrateResult migration;
    private final SingleConnectionDataSource connection;
    private final JdbcClient jdbc;

    private PostgresSchema(String schema, String migrations) {
        this.schema = schema;
        String url = SERVER + "?currentSchema=" + schema;
        this.migration = Flyway.configure().dataSource(new DriverManagerDataSource(url, USER, ""))
                .schemas(schema).locations(migrations).load().migrate();
        this.connection = new SingleConnectionDataSource(url, USER, "", true);
        this.jdbc = JdbcClient.create(connection);
        jdbc.sql("SET TIME ZONE '" + SESSION_TIME_ZONE + "'").update();
    }

    public static PostgresSchema migrated() throws SQLException {
        return migrated("classpath:db/migration");
    }

    /** @param migrations the Flyway location of the service's migrations, for a service that keeps them elsewhere */
    public static PostgresSchema migrated(String migrations) throws SQLException {
        String schema = "ferrite_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return new PostgresSchema(schema, migrations);
    }

    /** One connection, in the session time zone above. */
    public DataSource dataSource() {
        return connection;
    }

    /** A new connection at every call, for tests of concurrent transactions. */
    public DataSource connections() {
        return new DriverManagerDataSource(SERVER + "?currentSchema=" + schema, USER, "");
    }

    /** The session time zone of {@link #dataSource()} and {@link #jdbc()}. */
    public static String sessionTimeZone() {
        return SESSION_TIME_ZONE;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public MigrateResult migration() {
        return migration;
    }

    public String name() {
        return schema;
    }

    @Override
    public void close() throws SQLException {
        connection.destroy();
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
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
    public static class Reachable implements ExecutionCondition {

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
