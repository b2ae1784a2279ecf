package dev.ferrite.rules.sql;

import java.util.List;
import java.util.Map;

/**
 * A rule's SQL, parsed and checked once when the rule is saved, then evaluated for every
 * message or event that its {@code FROM} names. Immutable and safe to share between threads.
 */
public interface CompiledRule {

    /** The {@code FROM} topic filters and {@code $events/...} topics, as written, without quotes. */
    List<String> from();

    /** Whether a message's topic (or an event's {@code $events/...} topic) is one this rule reads. */
    boolean readsTopic(String topic);

    /**
     * Runs the rule over one message or event.
     *
     * @param context the message's or event's fields under EMQX's names ({@code clientid},
     *                {@code payload} as the raw string, {@code topic}, {@code qos}, ...); values are
     *                JSON-like: String, Long, Double, Boolean, Map, List, or null
     * @return the output rows: none when {@code WHERE} (or {@code INCASE}) rejects it, one for a
     *         {@code SELECT}, one per kept element for a {@code FOREACH}
     * @throws RuleEvaluationException when the rule fails on this input (counted as {@code failed.exception})
     */
    List<Map<String, Object>> evaluate(Map<String, Object> context);
}
