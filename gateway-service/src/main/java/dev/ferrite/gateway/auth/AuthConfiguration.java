package dev.ferrite.gateway.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The authenticator: the loopback-only default unless another one is configured. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    @ConditionalOnMissingBean(Authenticator.class)
    Authenticator loopbackOnlyAuthenticator() {
        return new LoopbackOnlyAuthenticator();
    }
}
