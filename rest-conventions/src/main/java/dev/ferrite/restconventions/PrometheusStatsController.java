package dev.ferrite.restconventions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** EMQX's metrics path, {@code /api/v5/prometheus/stats}, served by the actuator's Prometheus endpoint. */
@Controller
@Tag(name = "Metrics")
public class PrometheusStatsController {

    @GetMapping("/api/v5/prometheus/stats")
    @Operation(summary = "Prometheus metrics in the text exposition format", description = "No credentials needed.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/plain"))
    @SecurityRequirements
    public String stats() {
        return "forward:/actuator/prometheus";
    }
}
