package dev.ferrite.rules.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ferrite.rules.sql.functions.BuiltInFunctions;
import dev.ferrite.rules.sql.value.Json;

/**
 * docs/rules.md cannot drift from the engine: every {@code sql example} block there is run
 * with the {@code json input} after it and must give the {@code json output} or the
 * {@code text error}; and every built-in function is in the doc's tables.
 */
class RulesDocExamplesTest {

    private static final Path DOC = Path.of("../docs/rules.md");

    record Example(int line, String sql, String input, String output, String error) {
        @Override
        public String toString() {
            return "docs/rules.md:" + line;
        }
    }

    static Stream<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> lines = Files.readAllLines(DOC);
        Example current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("```") || line.length() == 3) {
                continue;
            }
            String kind = line.substring(3).strip();
            StringBuilder body = new StringBuilder();
            int start = i + 1;
            while (!lines.get(++i).strip().equals("```")) {
                body.append(lines.get(i)).append('\n');
            }
            String text = body.toString().strip();
            switch (kind) {
                case "sql example" -> {
                    if (current != null) {
                        examples.add(current);
                    }
                    current = new Example(start, text, null, null, null);
                }
                case "json input" -> current = new Example(current.line(), current.sql(), text, null, null);
                case "json output" -> current = new Example(current.line(), current.sql(), current.input(), text, null);
                case "text error" -> current = new Example(current.line(), current.sql(), current.input(), null, text);
                default -> {
                }
            }
        }
        if (current != null) {
            examples.add(current);
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @SuppressWarnings("unchecked")
    void theExampleGivesWhatTheDocSays(Example example) {
        if (example.input() == null) {
            assertThat(example.error()).as("an example without input shows a compile error").isNotNull();
            assertThatThrownBy(() -> RuleSql.compile(example.sql()))
                    .isInstanceOf(RuleSqlException.class)
                    .hasMessage(example.error());
            return;
        }
        CompiledRule rule = RuleSql.compile(example.sql());
        Map<String, Object> input = (Map<String, Object>) Json.decode(example.input());
        if (example.error() != null) {
            assertThatThrownBy(() -> rule.evaluate(input))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining(example.error());
        } else {
            assertThat(rule.evaluate(input)).isEqualTo(Json.decode(example.output()));
        }
    }

    @Test
    void theDocShowsExamplesOfEachKind() throws IOException {
        List<Example> all = examples().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(15);
        assertThat(all).anyMatch(example -> example.input() == null);
        assertThat(all).anyMatch(example -> example.input() != null && example.error() != null);
    }

    @Test
    void everyBuiltInFunctionIsDocumented() throws IOException {
        String doc = Files.readString(DOC);

        assertThat(BuiltInFunctions.names()).allSatisfy(name -> assertThat(doc).contains("`" + name + "("));
    }
}
