package dev.ferrite.rules.sql.eval;

import java.util.Map;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Json;
import dev.ferrite.rules.sql.value.Values;

/**
 * What one evaluation of a rule sees: the message's or event's fields, the payload decoded at
 * most once, the row being built (so that later fields and {@code WHERE} see its aliases), the
 * names bound by {@code FOREACH}, and the current array element.
 */
public final class Scope {

    private final Map<String, Object> context;
    private Object decodedPayload;
    private boolean payloadDecoded;
    private Map<String, Object> row;
    private Map<String, Object> bindings;
    private String itemName;
    private Object item;

    public Scope(Map<String, Object> context) {
        this.context = context;
    }

    public Object field(String name) {
        return Values.normalize(context.get(name));
    }

    public Map<String, Object> context() {
        return context;
    }

    /**
     * The payload as JSON, decoded on first use. A payload that is not JSON fails the rule, as
     * in EMQX ({@code decode_json_failed}); a payload that is already a map or array is used as it is.
     */
    public Object decodedPayload() {
        if (!payloadDecoded) {
            decodedPayload = decode(field("payload"));
            payloadDecoded = true;
        }
        return decodedPayload;
    }

    private static Object decode(Object payload) {
        if (!(payload instanceof String text)) {
            return payload;
        }
        try {
            return Json.decode(text);
        } catch (Json.NotJsonException e) {
            throw new EvaluationFailure("the payload is not JSON (" + e.getMessage() + ")");
        }
    }

    public Map<String, Object> row() {
        return row;
    }

    public void row(Map<String, Object> row) {
        this.row = row;
    }

    public Map<String, Object> bindings() {
        return bindings;
    }

    public void bindings(Map<String, Object> bindings) {
        this.bindings = bindings;
    }

    public Object item() {
        return item;
    }

    public String itemName() {
        return itemName;
    }

    /** The FOREACH element being handled, and the name it goes by. */
    public void item(String name, Object item) {
        this.itemName = name;
        this.item = item;
    }
}
