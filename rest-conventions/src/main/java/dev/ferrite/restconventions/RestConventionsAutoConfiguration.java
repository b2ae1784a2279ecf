package dev.ferrite.restconventions;

import java.time.Instant;

import io.swagger.v3.oas.models.OpenAPI;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** What every Ferrite service's HTTP surface has, whatever the service does. */
@AutoConfiguration
@Import({ServiceStatusController.class, PrometheusStatsController.class, NodeController.class, ProblemDetailsAdvice.class})
public class RestConventionsAutoConfiguration {

    @Bean
    ServiceIdentity serviceIdentity(Environment environment, ObjectProvider<BuildProperties> build) {
        String service = environment.getRequiredProperty("spring.application.name");
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "unknown" : properties.getVersion();
        return new ServiceIdentity(service, version, Instant.now());
    }

    @Bean
    ServicePhase servicePhase(ApplicationAvailability availability) {
        return new ServicePhase(availability);
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    OpenAPI ferriteOpenApi(ServiceIdentity identity) {
        return OpenApiConventions.document(identity);
    }
}
