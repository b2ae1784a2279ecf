package dev.ferrite.tls.pem;

import java.util.List;

/** What a file gave, with the warnings the caller should log and raise an alarm for. */
public record Loaded<T>(T value, List<ValidityWarning> warnings) {

    public Loaded {
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
