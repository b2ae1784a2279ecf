package dev.ferrite.rules.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import dev.ferrite.testing.postgres.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migrations and the rule repository on PostgreSQL, as production runs them. */
@ExtendWith(PostgresSchema.Reachable.class)
class RuleRepositoryPostgresTest extends RuleRepositoryContract {

    private static PostgresSchema schema;
    private static RuleRepository repository;

    @BeforeAll
    static void migrate() throws SQLException {
        schema = PostgresSchema.migrated("classpath:db/rules-service");
        repository = new RuleRepository(schema.jdbc());
    }

    @AfterAll
    static void drop() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void empty() {
        schema.jdbc().sql("DELETE FROM rule_definition").update();
    }

    @Override
    RuleRepository repository() {
        return repository;
    }

    @Test
    void theMigrationsRan() {
        assertThat(schema.migration().success).isTrue();
        assertThat(schema.jdbc().sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
                .param(schema.name()).query(String.class).list())
                .contains("rule_definition", "rule_set_version");
    }
}
