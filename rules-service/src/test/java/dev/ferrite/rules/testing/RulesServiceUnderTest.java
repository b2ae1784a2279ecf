package dev.ferrite.rules.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.rules.RulesServiceApplication;
import dev.ferrite.rules.bus.GatewayConnection;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A real rules-service on a free port with its H2 database in a temporary directory, connected to a gateway. */
public final class RulesServiceUnderTest implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private RulesServiceUnderTest(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    public static RulesServiceUnderTest start(int gatewayPort, String... extraArgs) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("ferrite-rules-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--ferrite.data-dir=" + dataDir,
                "--ferrite.rules.gateway.port=" + gatewayPort,
                "--ferrite.rules.gateway.reconnect-interval=200ms",
                "--ferrite.internal-token=" + GatewayUnderTest.INTERNAL_TOKEN));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RulesServiceApplication.class)
                .initializers(app -> app.getBeanFactory().registerSingleton("testApiKeys",
                        (ApiKeyVerifier) TestApiKeys.verifier()))
                .run(args.toArray(String[]::new));
        return new RulesServiceUnderTest(context, dataDir);
    }

    public int restPort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public RulesHttp admin() {
        return RulesHttp.asAdministrator(restPort());
    }

    public GatewayConnection bus() {
        return context.getBean(GatewayConnection.class);
    }

    /** Waits until the gateway confirmed the shared subscriptions of these filters. */
    public void awaitSubscribed(String... filters) {
        Eventually.within(Duration.ofSeconds(20), () -> bus().isConnected()
                && bus().subscribedFilters().containsAll(Set.of(filters)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
