package dev.ferrite.rules.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.JsonValues;
import dev.ferrite.rules.NodeName;
import dev.ferrite.rules.sql.CompiledRule;
import dev.ferrite.rules.sql.RuleEvaluationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** {@code rule_test}: a rule's SQL run once on a given context, without running any action. */
@Component
public class RuleTester {

    private final NodeName node;

    public RuleTester(NodeName node) {
        this.node = node;
    }

    /**
     * @return the output row, or the rows of a FOREACH
     * @throws InvalidRuleException for bad SQL or a rule that throws on this context
     * @throws ErrorResponseException 412 when the context's topic is not one the rule reads or no row comes out
     */
    public Object test(String sql, Map<String, Object> givenContext) {
        CompiledRule rule = RuleCheck.compile(sql);
        Map<String, Object> given = normalized(givenContext);
        String eventType = given.get("event_type") instanceof String type ? type : SampleContexts.MESSAGE_PUBLISH;
        Map<String, Object> context = new LinkedHashMap<>(
                SampleContexts.defaults(eventType, System.currentTimeMillis(), node.get()));
        context.putAll(given);
        context.remove("event_type");
        if (context.get("payload") instanceof Map || context.get("payload") instanceof List) {
            // A message's payload is the raw text it was published with.
            context.put("payload", JsonValues.write(context.get("payload")));
        }
        String topic = eventType.equals(SampleContexts.MESSAGE_PUBLISH)
                ? String.valueOf(context.get("topic")) : "$events/" + eventType;
        if (!rule.readsTopic(topic)) {
            throw notMatched("The rule's FROM does not read " + topic);
        }
        List<Map<String, Object>> rows;
        try {
            rows = rule.evaluate(context);
        } catch (RuleEvaluationException e) {
            throw new InvalidRuleException("The rule failed on this context: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw notMatched("SQL Not Match: the rule kept nothing of this context");
        }
        return rows.size() == 1 && !isForeach(sql) ? rows.get(0) : rows;
    }

    private static boolean isForeach(String sql) {
        return sql.stripLeading().regionMatches(true, 0, "FOREACH", 0, 7);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalized(Map<String, Object> context) {
        // Round-trips through JSON so that numbers have the engine's types (Long, Double).
        return context == null ? Map.of() : (Map<String, Object>) JsonValues.parse(JsonValues.write(context));
    }

    private static ErrorResponseException notMatched(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, detail);
        problem.setTitle("Not matched");
        problem.setProperty("code", "NOT_MATCH");
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
    }
}
