package dev.ferrite.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.internal-token}: the secret the platform's services share. rules-service
 * presents it as the password of the gateway's internal principal ({@code $internal}), the
 * only principal allowed under {@code $events/} and {@code $internal/}.
 */
@ConfigurationProperties("ferrite")
public record InternalToken(@DefaultValue("") String internalToken) {

    public InternalToken {
        internalToken = internalToken.strip();
    }

    public boolean isSet() {
        return !internalToken.isEmpty();
    }
}
