package dev.ferrite.restconventions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code GET /api/v5/status}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceStatus(String service, String status, String version, List<String> unavailable) {
}
