package dev.ferrite.restconventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

class RestConventionsDefaultsTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @Test
    void theSharedDefaultsApplyWhenTheServiceSetsNothing() {
        Environment environment = start(Map.of());

        assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/api/v5/openapi.json");
        assertThat(environment.getProperty("springdoc.swagger-ui.path")).isEqualTo("/api/v5/docs");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("ferrite.data-dir")).isEqualTo("./data");
    }

    @Test
    void theServicesOwnDefaultPropertiesOverrideTheSharedOnes() {
        Environment environment = start(Map.of("ferrite.data-dir", "/srv/ferrite", "server.shutdown", "immediate"));

        assertThat(environment.getProperty("ferrite.data-dir")).isEqualTo("/srv/ferrite");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
        assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/api/v5/openapi.json");
    }

    @Test
    void commandLineArgumentsOverrideTheSharedDefaults() {
        Environment environment = start(Map.of("ferrite.data-dir", "/srv/ferrite"), "--ferrite.data-dir=/opt/ferrite");

        assertThat(environment.getProperty("ferrite.data-dir")).isEqualTo("/opt/ferrite");
    }

    private static Environment start(Map<String, Object> defaultProperties, String... args) {
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(defaultProperties);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return context.getEnvironment();
        }
    }
}
