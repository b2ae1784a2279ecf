package dev.ferrite.apikeyguard;

import java.util.Objects;

/** The answer to "are this key and secret good?": the outcome, and the role when they are. */
public record ApiKeyVerification(Outcome outcome, ApiRole role) {

    public enum Outcome {
        VALID,
        UNKNOWN_KEY,
        WRONG_SECRET,
        /** The secret was right but the key is disabled. */
        DISABLED,
        /** The secret was right but the key has expired. */
        EXPIRED
    }

    public ApiKeyVerification {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.VALID) != (role != null)) {
            throw new IllegalArgumentException("a role goes with a valid key and only with one");
        }
    }

    public static ApiKeyVerification valid(ApiRole role) {
        return new ApiKeyVerification(Outcome.VALID, Objects.requireNonNull(role, "role"));
    }

    public static ApiKeyVerification rejected(Outcome outcome) {
        return new ApiKeyVerification(outcome, null);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
