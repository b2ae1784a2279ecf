package dev.ferrite.rules.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.ferrite.rules.sql.functions.BuiltInFunctions;
import dev.ferrite.rules.sql.functions.FunctionSpec;

/**
 * Every built-in function, given odd arguments, either answers with a rule value or fails with
 * a RuleEvaluationException: never another exception, never an Error.
 */
class BuiltInFunctionRobustnessTest {

    private static final List<Object> ODD_VALUES = Arrays.asList(null, "", "x", "12", "1.5", "a.b", "%Y~s~p", "((",
            0L, -1L, 3L, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, -0.0, 1e308, true, false,
            Map.of(), Map.of("k", List.of(1L)), List.of(), List.of(1L, "a"), List.of(List.of("k", 1L)));
    private static final int SAMPLES_PER_ARITY = 200;

    @Test
    void oddArgumentsNeverEscapeAsAnythingButRuleEvaluationException() {
        SplittableRandom random = new SplittableRandom(42);
        int evaluations = 0;
        for (String name : BuiltInFunctions.names()) {
            FunctionSpec function = BuiltInFunctions.find(name).orElseThrow();
            for (int arity = function.minArity(); arity <= Math.min(function.maxArity(), 4); arity++) {
                CompiledRule rule = RuleSql.compile("SELECT " + name + "(" + arguments(arity) + ") AS r FROM \"t/#\"");
                for (int sample = 0; sample < SAMPLES_PER_ARITY; sample++) {
                    Map<String, Object> context = new HashMap<>();
                    for (int i = 0; i < arity; i++) {
                        context.put("a" + i, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                    }
                    context.put("topic", "t/a");
                    evaluateWithoutSurprise(rule, name, context);
                    evaluations++;
                }
            }
        }
        assertThat(evaluations).isGreaterThan(5_000);
    }

    private static String arguments(int arity) {
        return IntStream.range(0, arity).mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
    }

    private static void evaluateWithoutSurprise(CompiledRule rule, String name, Map<String, Object> context) {
        try {
            for (Map<String, Object> row : rule.evaluate(context)) {
                assertRuleValue(row.get("r"), name, context);
            }
        } catch (RuleEvaluationException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Throwable surprise) {
            fail(name + " with " + context + " threw " + surprise, surprise);
        }
    }

    private static void assertRuleValue(Object value, String name, Map<String, Object> context) {
        if (value instanceof Map<?, ?> map) {
            new ArrayList<>(map.values()).forEach(element -> assertRuleValue(element, name, context));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> assertRuleValue(element, name, context));
        } else if (value != null && !(value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof Double number && Double.isFinite(number))) {
            fail(name + " with " + context + " gave " + value.getClass().getSimpleName() + " " + value);
        }
    }
}
