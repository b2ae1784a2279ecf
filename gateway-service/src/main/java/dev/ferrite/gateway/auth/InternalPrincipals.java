package dev.ferrite.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Recognises the platform's own services: username {@value #USERNAME} and the shared internal
 * token ({@code ferrite.internal-token}) as password. Without a token nobody is internal.
 */
@Component
public class InternalPrincipals {

    public static final String USERNAME = "$internal";

    private final byte[] token;

    public InternalPrincipals(Settings settings) {
        this.token = settings.internalToken() == null || settings.internalToken().isBlank() ? null
                : settings.internalToken().getBytes(StandardCharsets.UTF_8);
    }

    public boolean isInternal(String username, byte[] password) {
        return token != null && USERNAME.equals(username) && password != null
                && MessageDigest.isEqual(token, password);
    }

    /** {@code ferrite.internal-token}: the secret the platform's services present to each other. */
    @ConfigurationProperties("ferrite")
    public record Settings(String internalToken) {
    }
}
