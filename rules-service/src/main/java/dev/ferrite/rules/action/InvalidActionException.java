package dev.ferrite.rules.action;

/** An action a rule cannot have: unknown function or bridge type, or bad arguments. */
public class InvalidActionException extends RuntimeException {

    public InvalidActionException(String message) {
        super(message);
    }
}
