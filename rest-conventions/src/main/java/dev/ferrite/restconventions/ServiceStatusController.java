package dev.ferrite.restconventions;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v5/status}: 200 only while the service runs and every dependency in its
 * readiness health group is up; 503 with {@code Retry-After} otherwise.
 */
@RestController
@Tag(name = "Status")
public class ServiceStatusController {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ServiceIdentity identity;
    private final ServicePhase phase;
    private final HealthEndpoint health;

    public ServiceStatusController(ServiceIdentity identity, ServicePhase phase, HealthEndpoint health) {
        this.identity = identity;
        this.phase = phase;
        this.health = health;
    }

    @GetMapping(path = "/api/v5/status", produces = "application/json")
    @Operation(summary = "Whether this service runs and is ready", description = "No credentials needed.")
    @SecurityRequirements
    public ResponseEntity<ServiceStatus> status() {
        return switch (phase.current()) {
            case STARTING -> unavailable("starting", List.of());
            case STOPPING -> unavailable("stopping", List.of());
            case RUNNING -> {
                List<String> down = downDependencies();
                yield down.isEmpty()
                        ? ResponseEntity.ok(body("running", down))
                        : unavailable("unavailable", down);
            }
        };
    }

    private List<String> downDependencies() {
        HealthDescriptor readiness = health.healthForPath("readiness");
        if (readiness == null || Status.UP.equals(readiness.getStatus())) {
            return List.of();
        }
        if (readiness instanceof CompositeHealthDescriptor composite) {
            return composite.getComponents().entrySet().stream()
                    .filter(component -> !Status.UP.equals(component.getValue().getStatus()))
                    .map(component -> component.getKey())
                    .sorted()
                    .toList();
        }
        return List.of("readiness");
    }

    private ResponseEntity<ServiceStatus> unavailable(String status, List<String> down) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(body(status, down));
    }

    private ServiceStatus body(String status, List<String> down) {
        return new ServiceStatus(identity.service(), status, identity.version(), down);
    }
}
