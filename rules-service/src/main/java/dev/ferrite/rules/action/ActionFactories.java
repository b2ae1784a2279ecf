package dev.ferrite.rules.action;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every {@link ActionFactory} bean, by type. */
@Component
public class ActionFactories {

    private final Map<String, ActionFactory> byType;

    public ActionFactories(List<ActionFactory> factories) {
        this.byType = factories.stream().collect(
                Collectors.toMap(ActionFactory::type, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two action factories for type '" + a.type() + "'");
                }, TreeMap::new));
    }

    /** @throws InvalidActionException for an unknown type or bad arguments */
    public RuleAction create(String ruleId, ActionSpec spec) {
        ActionFactory factory = byType.get(spec.type());
        if (factory == null) {
            String kind = spec instanceof ActionSpec.Bridge ? "bridge type" : "action function";
            throw new InvalidActionException("unknown " + kind + " '" + spec.type() + "'; known: "
                    + String.join(", ", byType.keySet()));
        }
        return factory.create(ruleId, spec);
    }

    public List<RuleAction> createAll(String ruleId, List<ActionSpec> specs) {
        return specs.stream().map(spec -> create(ruleId, spec)).toList();
    }
}
