package dev.ferrite.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./platform} script, the way an operator does. */
final class Launcher {

    /** Default REST ports of DESIGN.md, and the gRPC ports of auth-service and cert-service. */
    static final Map<String, Integer> REST_PORTS = Map.of(
            "gateway-service", 18083,
            "auth-service", 18084,
            "rules-service", 18085,
            "bridge-pubsub-service", 18086,
            "cert-service", 18087);
    static final int AUTH_GRPC_PORT = 19084;
    static final int CERT_GRPC_PORT = 19087;
    static final int GATEWAY_MQTT_PORT = 1883;
    static final int GATEWAY_WS_PORT = 8083;
    static final List<String> SERVICES = List.of(
            "auth-service", "gateway-service", "rules-service", "bridge-pubsub-service", "cert-service");

    record Result(int exitCode, String output) {
    }

    private final Path repository;
    private final Path dataDir;
    private final int portOffset;

    Launcher(Path dataDir, int portOffset) {
        this.repository = repositoryRoot();
        this.dataDir = dataDir;
        this.portOffset = portOffset;
    }

    Result up() {
        return run("up", "--port-offset", Integer.toString(portOffset), "--data-dir", dataDir.toString());
    }

    Result down() {
        return run("down", "--data-dir", dataDir.toString());
    }

    Result status() {
        return run("status", "--data-dir", dataDir.toString());
    }

    int restPort(String service) {
        return REST_PORTS.get(service) + portOffset;
    }

    int mqttPort() {
        return GATEWAY_MQTT_PORT + portOffset;
    }

    int grpcPort() {
        return AUTH_GRPC_PORT + portOffset;
    }

    List<Integer> allPorts() {
        List<Integer> ports = new ArrayList<>();
        SERVICES.forEach(service -> ports.add(restPort(service)));
        ports.add(grpcPort());
        ports.add(CERT_GRPC_PORT + portOffset);
        ports.add(mqttPort());
        ports.add(GATEWAY_WS_PORT + portOffset);
        return ports;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The pids that the launcher recorded for the services it started. */
    List<Long> recordedPids() {
        Path run = dataDir.resolve("run");
        List<Long> pids = new ArrayList<>();
        for (String service : SERVICES) {
            Path pidFile = run.resolve(service + ".pid");
            try {
                if (Files.exists(pidFile)) {
                    pids.add(Long.parseLong(Files.readString(pidFile).strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pids;
    }

    private Result run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(repository.resolve("platform").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(repository.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./platform " + String.join(" ", arguments) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An offset under which every platform port is free right now. */
    static int freePortOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(10_000, 40_000);
            Launcher probe = new Launcher(Path.of("."), offset);
            if (probe.allPorts().stream().allMatch(Launcher::isFree)) {
                return offset;
            }
        }
        throw new IllegalStateException("No free port offset found");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isExecutable(directory.resolve("platform"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("The platform script is not in any parent of " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
