package dev.ferrite.rules.action.console;

import java.util.concurrent.CompletableFuture;

import dev.ferrite.rules.JsonValues;
import dev.ferrite.rules.action.ActionFactory;
import dev.ferrite.rules.action.ActionSpec;
import dev.ferrite.rules.action.InvalidActionException;
import dev.ferrite.rules.action.RuleAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code {"function": "console"}}: logs each output row, for debugging a rule. */
@Component
public class ConsoleActionFactory implements ActionFactory {

    private static final Logger log = LoggerFactory.getLogger("dev.ferrite.rules.console");

    @Override
    public String type() {
        return "console";
    }

    @Override
    public RuleAction create(String ruleId, ActionSpec spec) {
        if (!(spec instanceof ActionSpec.Function function)) {
            throw new InvalidActionException("console is a function: {\"function\": \"console\"}");
        }
        if (!function.args().isEmpty()) {
            throw new InvalidActionException("console takes no arguments");
        }
        return row -> {
            log.info("[rule action] {} output: {}", ruleId, JsonValues.write(row));
            return CompletableFuture.completedFuture(null);
        };
    }
}
