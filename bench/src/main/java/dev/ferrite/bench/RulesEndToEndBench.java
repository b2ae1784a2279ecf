package dev.ferrite.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.apikeyguard.ApiRole;
import dev.ferrite.gateway.GatewayServiceApplication;
import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.rules.RulesServiceApplication;
import dev.ferrite.rules.bus.GatewayConnection;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Messages per second through the whole rules path, gateway to rules-service to republish to a
 * subscriber, everything at QoS 1, with loss and duplicates counted. Not JMH: one run drives a
 * fixed number of messages end to end and reports what arrived. The gateway and rules-service
 * are the production applications, started in this JVM on free ports.
 *
 * <pre>bench/rules-e2e [messages] [publishers] [in-flight per publisher]</pre>
 */
public final class RulesEndToEndBench {

    private static final String ADMIN = "bench-admin";
    private static final String SECRET = "bench-Secret-0123";
    private static final String TOKEN = "bench-internal-token-" + UUID.randomUUID();

    private RulesEndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int publishers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dataDir = Files.createTempDirectory("ferrite-rules-bench");
        try (ConfigurableApplicationContext gateway = gateway();
                ConfigurableApplicationContext rules = rules(gateway.getBean(MqttListener.class).tcpPort(), dataDir)) {
            String uri = "tcp://127.0.0.1:" + gateway.getBean(MqttListener.class).tcpPort();
            int restPort = ((WebServerApplicationContext) rules).getWebServer().getPort();
            waitUntil(() -> rules.getBean(GatewayConnection.class).isConnected(), Duration.ofSeconds(60));
            createRule(restPort);
            waitUntil(() -> rules.getBean(GatewayConnection.class).subscribedFilters().contains("bench/in/+"),
                    Duration.ofSeconds(30));

            System.out.printf(Locale.ROOT, "warm-up: %s%n", run(uri, Math.max(1, messages / 10), publishers, inFlight));
            Result result = run(uri, messages, publishers, inFlight);
            System.out.printf(Locale.ROOT, "measured: %s%n", result);
        }
    }

    private record Result(int sent, int received, int distinct, long nanos) {
        @Override
        public String toString() {
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT, "%d sent, %d received (%d distinct), lost %d, duplicates %d, %.1f s,"
                    + " %.0f messages/s end to end", sent, received, distinct, sent - distinct, received - distinct,
                    seconds, distinct / seconds);
        }
    }

    /** Publishes {@code count} messages at QoS 1 and waits for their republished copies (until 10 s pass without any). */
    private static Result run(String uri, int count, int publishers, int inFlight) throws Exception {
        BitSet seen = new BitSet(count);
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        MqttClient subscriber = new MqttClient(uri, "bench-subscriber-" + UUID.randomUUID(), new MemoryPersistence());
        subscriber.connect(options());
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("bench/out", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> {
                    int n = Integer.parseInt(new String(message.getPayload(), StandardCharsets.US_ASCII));
                    synchronized (seen) {
                        seen.set(n);
                    }
                    received.incrementAndGet();
                    lastArrival.set(System.nanoTime());
                }});

        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int i = 0; i < publishers; i++) {
            MqttAsyncClient client = new MqttAsyncClient(uri, "bench-device-" + i + "-" + UUID.randomUUID(),
                    new MemoryPersistence());
            client.connect(options()).waitForCompletion(10_000);
            clients.add(client);
        }
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            MqttAsyncClient client = clients.get(p);
            int first = p;
            Thread thread = new Thread(() -> publish(client, first, publishers, count, inFlight), "bench-publisher-" + p);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        while (received.get() < count && System.nanoTime() - lastArrival.get() < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(5);
        }
        long elapsed = lastArrival.get() - start;
        for (MqttAsyncClient client : clients) {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
        subscriber.disconnect();
        subscriber.close();
        int distinct;
        synchronized (seen) {
            distinct = seen.cardinality();
        }
        return new Result(count, (int) received.get(), distinct, elapsed);
    }

    /** Every {@code step}-th message from {@code first}, keeping at most {@code inFlight} unacknowledged. */
    private static void publish(MqttAsyncClient client, int first, int step, int count, int inFlight) {
        Semaphore window = new Semaphore(inFlight);
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                window.release();
            }
        };
        try {
            for (int n = first; n < count; n += step) {
                window.acquire();
                MqttMessage message = new MqttMessage(("{\"n\": " + n + ", \"v\": " + (n % 100 + 1) + "}")
                        .getBytes(StandardCharsets.US_ASCII));
                message.setQos(1);
                client.publish("bench/in/" + (n % 64), message, null, release);
            }
            window.acquire(inFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    private static MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65535);
        return options;
    }

    private static void createRule(int restPort) throws IOException, InterruptedException {
        String rule = "{\"id\": \"bench\", \"sql\": \"SELECT payload.n AS n FROM \\\"bench/in/+\\\" WHERE payload.v > 0\","
                + " \"actions\": [{\"function\": \"republish\", \"args\": {\"topic\": \"bench/out\", \"qos\": 1,"
                + " \"payload\": \"${n}\"}}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + restPort + "/api/v5/rules"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Creating the rule failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchApiKeys", apiKeys()))
                .run("--spring.config.name=ferrite-bench-gateway", "--spring.application.name=gateway-service",
                        "--server.port=0", "--spring.grpc.server.port=0", "--ferrite.gateway.tcp.port=0",
                        "--ferrite.gateway.ws.port=0", "--ferrite.internal-token=" + TOKEN,
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                        "--logging.level.root=WARN");
    }

    private static ConfigurableApplicationContext rules(int mqttPort, Path dataDir) {
        return new SpringApplicationBuilder(RulesServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchApiKeys", apiKeys()))
                .run("--spring.config.name=ferrite-bench-rules", "--spring.application.name=rules-service",
                        "--server.port=0", "--spring.grpc.server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("rules") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--spring.flyway.locations=classpath:db/rules-service",
                        "--ferrite.rules.gateway.port=" + mqttPort, "--ferrite.internal-token=" + TOKEN,
                        "--logging.level.root=WARN");
    }

    private static ApiKeyVerifier apiKeys() {
        return (key, secret) -> ADMIN.equals(key) && SECRET.equals(secret) ? ApiKeyVerification.valid(ApiRole.ADMINISTRATOR)
                : ApiKeyVerification.rejected(ApiKeyVerification.Outcome.UNKNOWN_KEY);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
