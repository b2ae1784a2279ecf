package dev.ferrite.apikeyguard;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request made with a verified API key. The secret is not kept. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String apiKey;
    private final ApiRole role;

    public ApiKeyAuthentication(String apiKey, ApiRole role) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.apiKey = apiKey;
        this.role = role;
        setAuthenticated(true);
    }

    public ApiRole role() {
        return role;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return apiKey;
    }
}
