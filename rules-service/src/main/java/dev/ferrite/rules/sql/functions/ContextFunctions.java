package dev.ferrite.rules.sql.functions;

import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.eval.Access;
import dev.ferrite.rules.sql.eval.Scope;
import dev.ferrite.rules.sql.topic.TopicFilters;
import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.TermOrder;
import dev.ferrite.rules.sql.value.Values;

/** The message and its topic: {@code clientid()}, {@code topic(n)}, {@code contains_topic(...)}... */
final class ContextFunctions {

    private ContextFunctions() {
    }

    static void register(FunctionTable table) {
        field(table, "msgid", "id");
        field(table, "qos", "qos");
        field(table, "clientid", "clientid");
        field(table, "username", "username");
        field(table, "peerhost", "peerhost");
        field(table, "clientip", "peerhost");
        table.defineImpure("topic", 0, 1, (args, scope) -> args.length == 0 ? scope.field("topic") : level(args, scope));
        table.defineImpure("flags", 0, 0, (args, scope) -> {
            Object flags = scope.field("flags");
            return flags == null ? Map.of() : flags;
        });
        table.defineImpure("flag", 1, 1, (args, scope) -> Access.get(scope.field("flags"), Args.string(args, 0)));
        table.defineImpure("payload", 0, 1, (args, scope) -> args.length == 0 ? scope.field("payload")
                : MapFunctions.getPath(Access.structure(scope.field("payload")), Args.string(args, 0)));
        table.define("null", 0, (args, scope) -> null);
        table.define("contains_topic", 2, 3, (args, scope) -> containsTopic(args, false));
        table.define("contains_topic_match", 2, 3, (args, scope) -> containsTopic(args, true));
    }

    private static void field(FunctionTable table, String function, String field) {
        table.defineImpure(function, 0, 0, (args, scope) -> scope.field(field));
    }

    /** topic(n): the n-th level of the topic, counted from 1. */
    private static Object level(Object[] args, Scope scope) {
        long n = Args.integer(args, 0);
        if (!(scope.field("topic") instanceof String topic)) {
            return null;
        }
        String[] levels = topic.split("/", -1);
        if (n < 1 || n > levels.length) {
            throw new EvaluationFailure("the topic " + topic + " has no level " + n);
        }
        return levels[(int) n - 1];
    }

    /**
     * contains_topic(filters, topic [, qos]): whether a list of subscriptions ({@code {"topic", "qos"}}
     * maps) holds the topic (or, for contains_topic_match, a filter that matches it) at that QoS.
     */
    private static Object containsTopic(Object[] args, boolean wildcards) {
        List<?> subscriptions = Args.list(args, 0);
        String topic = Args.string(args, 1);
        for (Object subscription : subscriptions) {
            if (subscription instanceof Map<?, ?> entry && entry.get("topic") instanceof String filter) {
                boolean found = wildcards ? TopicFilters.matches(filter, topic) : filter.equals(topic);
                if (found) {
                    return args.length == 2 || TermOrder.equal(Values.normalize(entry.get("qos")), args[2]);
                }
            }
        }
        return false;
    }
}
