package dev.ferrite.rules.sql.statement;

import java.util.List;
import java.util.Set;

import dev.ferrite.rules.sql.topic.TopicFilters;

/** What a rule reads: its FROM topic filters and $events topics. */
public final class Sources {

    public static final String EVENT_PREFIX = "$events/";

    /** The events a rule can name in FROM, as EMQX names them. */
    public static final Set<String> EVENTS = Set.of(
            "$events/client_connected", "$events/client_disconnected", "$events/client_connack",
            "$events/client_check_authz_complete", "$events/session_subscribed", "$events/session_unsubscribed",
            "$events/message_delivered", "$events/message_acked", "$events/message_dropped",
            "$events/delivery_dropped");

    private final List<String> from;

    public Sources(List<String> from) {
        this.from = List.copyOf(from);
    }

    public List<String> from() {
        return from;
    }

    public boolean reads(String topic) {
        for (String source : from) {
            boolean event = source.startsWith(EVENT_PREFIX);
            if (event ? source.equals(topic) : TopicFilters.matches(source, topic)) {
                return true;
            }
        }
        return false;
    }
}
