package dev.ferrite.restconventions;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v5/node}: what this replica is and how it is doing. */
@RestController
@Tag(name = "Node")
public class NodeController {

    public record NodeInfo(
            String service,
            String version,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("uptime_seconds") long uptimeSeconds,
            @JsonProperty("java_version") String javaVersion,
            @JsonProperty("available_processors") int availableProcessors,
            @JsonProperty("heap_used_bytes") long heapUsedBytes,
            @JsonProperty("heap_max_bytes") long heapMaxBytes) {
    }

    private final ServiceIdentity identity;

    public NodeController(ServiceIdentity identity) {
        this.identity = identity;
    }

    @GetMapping(path = "/api/v5/node", produces = "application/json")
    @Operation(summary = "This replica: service, version, uptime and JVM figures")
    public NodeInfo node() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new NodeInfo(
                identity.service(),
                identity.version(),
                identity.startedAt(),
                Duration.between(identity.startedAt(), Instant.now()).toSeconds(),
                Runtime.version().toString(),
                Runtime.getRuntime().availableProcessors(),
                heap.getUsed(),
                heap.getMax());
    }
}
