package dev.ferrite.restconventions;

import java.time.Instant;

/** Who this process is: the service name, its build version and when it started. */
public record ServiceIdentity(String service, String version, Instant startedAt) {
}
