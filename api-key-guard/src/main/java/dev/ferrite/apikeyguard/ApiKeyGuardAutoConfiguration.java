package dev.ferrite.apikeyguard;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.ferrite.restconventions.ProblemResponses;
import dev.ferrite.restconventions.RestConventionsAutoConfiguration;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Guards every path of the service's REST API with API keys, except the ones that must stay
 * open: status, metrics, health probes and the API documentation.
 */
@AutoConfiguration(after = RestConventionsAutoConfiguration.class)
@EnableWebSecurity
@EnableConfigurationProperties(ApiKeyGuardProperties.class)
public class ApiKeyGuardAutoConfiguration {

    /** Open without credentials on every service. */
    static final List<String> ALWAYS_PUBLIC = List.of(
            "/api/v5/status",
            "/api/v5/prometheus/stats",
            "/actuator/prometheus",
            "/actuator/health",
            "/actuator/health/**",
            "/api/v5/openapi.json",
            "/api/v5/openapi.json/**",
            "/api/v5/docs",
            "/api/v5/docs/**",
            "/api/v5/swagger-ui/**",
            "/error");

    /** Talks to auth-service unless the service is auth-service and verifies keys itself. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ApiKeyVerifier.class)
    GrpcApiKeyVerifier grpcApiKeyVerifier(ApiKeyGuardProperties properties) {
        return new GrpcApiKeyVerifier(
                ManagedChannelBuilder.forTarget(properties.authServiceAddress()).usePlaintext().build(),
                properties.verifyTimeout());
    }

    /**
     * Keys are checked by {@link ApiKeyAuthenticationFilter} alone. Declaring this manager also
     * keeps Spring Boot from creating its default user, whose generated password it would log.
     */
    @Bean
    AuthenticationManager noPasswordAuthentication() {
        return authentication -> {
            throw new ProviderNotFoundException("Only API keys authenticate here");
        };
    }

    @Bean
    SecurityFilterChain apiKeyFilterChain(HttpSecurity http, ApiKeyVerifier verifier, ApiKeyGuardProperties properties,
            ProblemResponses problems, MeterRegistry meters) throws Exception {
        RequestMatcher publicPaths = publicPaths(properties);
        var filter = new ApiKeyAuthenticationFilter(
                new CachingApiKeyVerifier(verifier, properties.cacheTtl(), Ticker.systemTicker()),
                new FailedAuthenticationThrottle(properties.throttle().maxFailures(), properties.throttle().window(),
                        Ticker.systemTicker()),
                publicPaths, problems, meters);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterAt(filter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(publicPaths).permitAll()
                        .anyRequest().access(roleAccess()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationFilter.REALM);
                            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                                    "Credentials required: HTTP Basic with an API key and its secret");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "The API key's role does not allow "
                                        + request.getMethod() + " " + request.getRequestURI())))
                .build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> roleAccess() {
        return (authentication, context) -> {
            boolean permitted = authentication.get() instanceof ApiKeyAuthentication apiKey
                    && ApiAccessPolicy.permits(apiKey.role(),
                            org.springframework.http.HttpMethod.valueOf(context.getRequest().getMethod()),
                            context.getRequest().getRequestURI());
            return new AuthorizationDecision(permitted);
        };
    }

    private static RequestMatcher publicPaths(ApiKeyGuardProperties properties) {
        List<String> patterns = new ArrayList<>(ALWAYS_PUBLIC);
        patterns.addAll(properties.publicPaths());
        return new OrRequestMatcher(patterns.stream()
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList());
    }
}
