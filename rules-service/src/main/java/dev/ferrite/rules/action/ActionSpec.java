package dev.ferrite.rules.action;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action as a rule names it, in EMQX 5's JSON: an object {@code {"function", "args"}} for a
 * built-in function, or a string {@code "type:name"} for a bridge.
 */
public sealed interface ActionSpec {

    /** What selects the {@link ActionFactory}: the function's name or the bridge's type. */
    String type();

    /** The JSON value of this action in a rule. */
    Object toJson();

    record Function(String function, Map<String, Object> args) implements ActionSpec {

        public Function {
            args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }

        @Override
        public String type() {
            return function;
        }

        @Override
        public Object toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("function", function);
            json.put("args", args);
            return json;
        }
    }

    record Bridge(String bridgeType, String name) implements ActionSpec {

        @Override
        public String type() {
            return bridgeType;
        }

        @Override
        public Object toJson() {
            return bridgeType + ":" + name;
        }
    }

    /**
     * Reads one element of a rule's {@code actions} array.
     *
     * @throws InvalidActionException when it is neither shape
     */
    @SuppressWarnings("unchecked")
    static ActionSpec fromJson(Object json) {
        if (json instanceof String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new InvalidActionException("a bridge action is written \"type:name\", e.g. \"pubsub:telemetry\"; was \""
                        + text + "\"");
            }
            return new Bridge(text.substring(0, colon), text.substring(colon + 1));
        }
        if (json instanceof Map<?, ?> object) {
            if (!(object.get("function") instanceof String function) || function.isBlank()) {
                throw new InvalidActionException("an action object needs \"function\" (\"republish\" or \"console\")");
            }
            Object args = object.get("args");
            if (args != null && !(args instanceof Map)) {
                throw new InvalidActionException("the \"args\" of action \"" + function + "\" must be an object");
            }
            for (Object key : object.keySet()) {
                if (!"function".equals(key) && !"args".equals(key)) {
                    throw new InvalidActionException("unknown field \"" + key + "\" in action \"" + function + "\"");
                }
            }
            return new Function(function, (Map<String, Object>) args);
        }
        throw new InvalidActionException("an action is an object {\"function\", \"args\"} or a string \"type:name\"");
    }
}
