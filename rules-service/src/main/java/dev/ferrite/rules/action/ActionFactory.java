package dev.ferrite.rules.action;

/**
 * The action SPI: each bean builds the actions of one function ({@code republish},
 * {@code console}) or one bridge type ({@code pubsub}, {@code mqtt}). A new kind of action is a
 * new bean; nothing else changes.
 */
public interface ActionFactory {

    /** The function name or the bridge type this factory builds. */
    String type();

    /**
     * Checks the action's arguments and prepares it. Called when a rule is saved (so that a bad
     * action is refused with 400) and when rules are loaded.
     *
     * @throws InvalidActionException saying what is wrong
     */
    RuleAction create(String ruleId, ActionSpec spec);
}
