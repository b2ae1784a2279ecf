package dev.ferrite.restconventions;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the shared defaults (paths of status, OpenAPI, metrics and probes) with the lowest
 * precedence, so that each service states only what is its own and any setting can still be
 * overridden by the usual means.
 */
public class RestConventionsDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "dev/ferrite/restconventions/defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("ferrite-rest-conventions-defaults", new ClassPathResource(DEFAULTS)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
    }
}
