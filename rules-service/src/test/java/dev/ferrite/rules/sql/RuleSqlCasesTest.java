package dev.ferrite.rules.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL case table (src/test/resources/rule-sql/*.cases), one test per case. */
class RuleSqlCasesTest {

    private static final Path CASES = Path.of("src/test/resources/rule-sql");

    static Stream<SqlCase> cases() throws IOException {
        List<SqlCase> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".cases")).sorted().toList()) {
                all.addAll(SqlCaseFile.read(file));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesAsTheTableSays(SqlCase sqlCase) {
        if (sqlCase.compileError() != null) {
            assertCompileError(sqlCase);
            return;
        }
        CompiledRule rule = RuleSql.compile(sqlCase.sql());
        sqlCase.reads().forEach(topic -> assertThat(rule.readsTopic(topic)).as("reads %s", topic).isTrue());
        sqlCase.ignores().forEach(topic -> assertThat(rule.readsTopic(topic)).as("ignores %s", topic).isFalse());
        if (sqlCase.evaluationError() != null) {
            assertThatThrownBy(() -> rule.evaluate(sqlCase.context()))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining(sqlCase.evaluationError());
        } else if (sqlCase.rows() != null) {
            assertThat(rule.evaluate(sqlCase.context())).isEqualTo(sqlCase.rows());
        } else if (sqlCase.reads().isEmpty() && sqlCase.ignores().isEmpty()) {
            fail("case %s expects nothing", sqlCase);
        }
    }

    private static void assertCompileError(SqlCase sqlCase) {
        String[] expected = sqlCase.compileError().split(" ", 2);
        String[] position = expected[0].split(":");
        assertThatThrownBy(() -> RuleSql.compile(sqlCase.sql()))
                .isExactlyInstanceOf(RuleSqlException.class)
                .hasMessageContaining(expected.length > 1 ? expected[1] : "")
                .satisfies(thrown -> {
                    RuleSqlException error = (RuleSqlException) thrown;
                    assertThat(error.line() + ":" + error.column()).as(error.getMessage())
                            .isEqualTo(position[0] + ":" + position[1]);
                });
    }

    @Test
    void theTableHoldsAtLeast150Cases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(150);
    }
}
