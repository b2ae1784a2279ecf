package dev.ferrite.rules.action.republish;

import dev.ferrite.rules.action.ActionFactory;
import dev.ferrite.rules.action.ActionSpec;
import dev.ferrite.rules.action.InvalidActionException;
import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.bus.BusPublisher;

import org.springframework.stereotype.Component;

/** {@code {"function": "republish", "args": {...}}}. */
@Component
public class RepublishActionFactory implements ActionFactory {

    private final BusPublisher bus;

    public RepublishActionFactory(BusPublisher bus) {
        this.bus = bus;
    }

    @Override
    public String type() {
        return "republish";
    }

    @Override
    public RuleAction create(String ruleId, ActionSpec spec) {
        if (!(spec instanceof ActionSpec.Function function)) {
            throw new InvalidActionException("republish is a function: {\"function\": \"republish\", \"args\": {...}}");
        }
        return new RepublishAction(RepublishArgs.parse(function.args()), bus);
    }
}
