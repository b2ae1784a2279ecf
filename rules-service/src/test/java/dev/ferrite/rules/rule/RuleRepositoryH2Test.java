package dev.ferrite.rules.rule;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The migrations and the rule repository on H2 in file mode, the embedded default. */
class RuleRepositoryH2Test extends RuleRepositoryContract {

    @TempDir
    Path dataDir;

    private RuleRepository repository;

    @BeforeEach
    void migrate() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dataDir.resolve("rules") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/rules-service").load().migrate();
        repository = new RuleRepository(JdbcClient.create(dataSource));
    }

    @Override
    RuleRepository repository() {
        return repository;
    }
}
