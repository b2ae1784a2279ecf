package dev.ferrite.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.cert.CertServiceApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real cert-service (H2 in a temporary data directory, the default CA) in the benchmark's
 * JVM, so that benchmarks call its beans with everything behind them: signing, database, caches.
 */
final class CertServiceBench implements AutoCloseable {

    private final Path dataDir;
    private final ConfigurableApplicationContext context;

    CertServiceBench() {
        try {
            dataDir = Files.createTempDirectory("ferrite-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context = new SpringApplicationBuilder(CertServiceApplication.class)
                // No auth-service here: the REST guard is not what is measured.
                .initializers(context -> context.getBeanFactory().registerSingleton("benchApiKeys",
                        (ApiKeyVerifier) (key, secret) -> ApiKeyVerification.rejected(ApiKeyVerification.Outcome.UNKNOWN_KEY)))
                .run("--server.port=0", "--spring.grpc.server.port=0", "--ferrite.data-dir=" + dataDir, "--logging.level.root=WARN",
                        "--logging.level.dev.ferrite=WARN");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws IOException {
        context.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
