package dev.ferrite.restconventions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
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
        ResourcePropertySource defaults;
        try {
            defaults = new ResourcePropertySource("ferrite-rest-conventions-defaults", new ClassPathResource(DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
        MutablePropertySources sources = environment.getPropertySources();
        // Spring Boot moves the application's default properties to the very end after this runs,
        // so the shared defaults go inside them, below every value the application set there.
        if (sources.get(DefaultPropertiesPropertySource.NAME) instanceof MapPropertySource applicationDefaults) {
            Map<String, Object> merged = new LinkedHashMap<>(defaults.getSource());
            merged.putAll(applicationDefaults.getSource());
            sources.replace(DefaultPropertiesPropertySource.NAME, new DefaultPropertiesPropertySource(merged));
        } else {
            sources.addLast(defaults);
        }
    }
}
