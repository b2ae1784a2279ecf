package dev.ferrite.rules.runtime;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.ferrite.rules.bus.TopicMatch;
import dev.ferrite.rules.sql.CompiledRule;

/** A rule whose evaluation a test decides, to exercise the runner apart from the SQL engine. */
record FakeCompiledRule(List<String> from, Function<Map<String, Object>, List<Map<String, Object>>> evaluation)
        implements CompiledRule {

    @Override
    public boolean readsTopic(String topic) {
        return from.stream().anyMatch(filter -> TopicMatch.matches(filter, topic));
    }

    @Override
    public List<Map<String, Object>> evaluate(Map<String, Object> context) {
        return evaluation.apply(context);
    }
}
