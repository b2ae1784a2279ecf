package dev.ferrite.apikeyguard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import dev.ferrite.restconventions.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a REST request by its HTTP Basic API key and secret. A request without
 * credentials passes on unauthenticated, and authorization decides; bad credentials are
 * answered here with 401, and an address that keeps failing with 429.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Basic realm=\"ferrite\", charset=\"UTF-8\"";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
    private static final String BASIC = "basic ";

    private final ApiKeyVerifier verifier;
    private final FailedAuthenticationThrottle throttle;
    private final RequestMatcher publicPaths;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    public ApiKeyAuthenticationFilter(ApiKeyVerifier verifier, FailedAuthenticationThrottle throttle,
            RequestMatcher publicPaths, ProblemResponses problems, MeterRegistry meters) {
        this.verifier = verifier;
        this.throttle = throttle;
        this.publicPaths = publicPaths;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            meters.counter("ferrite.api.authentication.throttled").increment();
            long seconds = Math.max(1, blocked.get().toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed authentications from " + address + "; retry in " + seconds + " s");
            return;
        }
        Optional<String[]> credentials = basicCredentials(header);
        if (credentials.isEmpty()) {
            reject(request, response, address, "malformed",
                    "The Authorization header must be HTTP Basic with an API key and its secret");
            return;
        }
        String apiKey = credentials.get()[0];
        ApiKeyVerification verification;
        try {
            verification = verifier.verify(apiKey, credentials.get()[1]);
        } catch (ApiKeyVerifierUnavailableException e) {
            log.warn("Cannot verify API key: {}", e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "API keys cannot be verified right now: auth-service is unreachable");
            return;
        }
        switch (verification.outcome()) {
            case VALID -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiKeyAuthentication(apiKey, verification.role()));
                SecurityContextHolder.setContext(context);
                chain.doFilter(request, response);
            }
            // Only a caller who knows the secret learns that the key is disabled or expired.
            case DISABLED -> reject(request, response, address, "disabled", "API key is disabled");
            case EXPIRED -> reject(request, response, address, "expired", "API key has expired");
            case UNKNOWN_KEY -> reject(request, response, address, "unknown_key", "Wrong API key or secret");
            case WRONG_SECRET -> reject(request, response, address, "wrong_secret", "Wrong API key or secret");
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String address, String reason,
            String detail) throws IOException {
        throttle.recordFailure(address);
        meters.counter("ferrite.api.authentication.failures", "reason", reason).increment();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        problems.write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    /** The key and secret of a well-formed Basic header; the secret may contain colons. */
    static Optional<String[]> basicCredentials(String header) {
        if (header.length() <= BASIC.length() || !header.substring(0, BASIC.length()).toLowerCase(Locale.ROOT).equals(BASIC)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
