package dev.ferrite.gateway.testing;

import java.util.concurrent.CompletableFuture;

import dev.ferrite.gateway.auth.AuthDecision;
import dev.ferrite.gateway.auth.Authenticator;
import dev.ferrite.gateway.auth.LoopbackOnlyAuthenticator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for auth-service: refuses the user {@value #REFUSED_USER} with 0x86 (bad user name or
 * password), as auth-service refuses a wrong password, and lets everyone else in as the default does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAuthenticator {

    public static final String REFUSED_USER = "mallory";
    public static final int BAD_USER_NAME_OR_PASSWORD = 0x86;

    @Bean
    @Primary
    Authenticator refusingMallory() {
        Authenticator loopback = new LoopbackOnlyAuthenticator();
        return credentials -> REFUSED_USER.equals(credentials.username())
                ? CompletableFuture.completedFuture(new AuthDecision.Refused(BAD_USER_NAME_OR_PASSWORD, "wrong password"))
                : loopback.authenticate(credentials);
    }
}
