package dev.ferrite.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.session.SessionDirectory;
import dev.ferrite.gateway.session.SessionSnapshot;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * The clients one test opens against the gateway, all closed after it: the HiveMQ client, Paho
 * 3.1.1 and 5.0, raw sockets and the mosquitto command-line clients. Create one per test.
 */
public final class MqttClients implements AutoCloseable {

    private final MqttListener listener;
    private final SessionDirectory sessions;
    private final List<AutoCloseable> opened = new ArrayList<>();

    public MqttClients(MqttListener listener, SessionDirectory sessions) {
        this.listener = listener;
        this.sessions = sessions;
    }

    public int port() {
        return listener.tcpPort();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + listener.tcpPort();
    }

    /** A HiveMQ MQTT 5 client, not yet connected: connect it with {@code connectWith()...send()}. */
    public Mqtt5BlockingClient hivemq(String clientId) {
        return hivemq(clientId, UnaryOperator.identity());
    }

    /** A HiveMQ MQTT 5 client built with more settings (listeners, advanced configuration), not yet connected. */
    public Mqtt5BlockingClient hivemq(String clientId, UnaryOperator<Mqtt5ClientBuilder> settings) {
        Mqtt5BlockingClient client = settings.apply(MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(listener.tcpPort())).buildBlocking();
        opened.add(() -> {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        });
        return client;
    }

    /** A HiveMQ MQTT 5 client connected with clean start and no session expiry. */
    public Mqtt5BlockingClient hivemqConnected(String clientId) {
        Mqtt5BlockingClient client = hivemq(clientId);
        client.connect();
        return client;
    }

    /** A Paho MQTT 5 client connected with these options. */
    public org.eclipse.paho.mqttv5.client.MqttClient paho5(String clientId, MqttConnectionOptions options)
            throws Exception {
        org.eclipse.paho.mqttv5.client.MqttClient client =
                new org.eclipse.paho.mqttv5.client.MqttClient(uri(), clientId, new MemoryPersistence());
        opened.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close(true);
        });
        options.setAutomaticReconnect(false);
        client.connect(options);
        return client;
    }

    /** A Paho MQTT 5 client connected with clean start. */
    public org.eclipse.paho.mqttv5.client.MqttClient paho5(String clientId) throws Exception {
        return paho5(clientId, new MqttConnectionOptions());
    }

    /** A Paho MQTT 3.1.1 client connected with these options (3.1 when the options ask for it). */
    public org.eclipse.paho.client.mqttv3.MqttClient paho3(String clientId, MqttConnectOptions options) throws Exception {
        org.eclipse.paho.client.mqttv3.MqttClient client = new org.eclipse.paho.client.mqttv3.MqttClient(uri(), clientId,
                new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        opened.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close(true);
        });
        if (options.getMqttVersion() == MqttConnectOptions.MQTT_VERSION_DEFAULT) {
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        }
        client.connect(options);
        return client;
    }

    /** A Paho MQTT 3.1.1 client connected with or without clean session. */
    public org.eclipse.paho.client.mqttv3.MqttClient paho3(String clientId, boolean cleanSession) throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        return paho3(clientId, options);
    }

    /** Subscribes a Paho 5 client and collects what it receives. */
    public static BlockingQueue<MqttMessage> subscribe(org.eclipse.paho.mqttv5.client.MqttClient client,
            MqttSubscription subscription) throws Exception {
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        client.subscribe(new MqttSubscription[] {subscription},
                new IMqttMessageListener[] {(topic, message) -> received.add(message)});
        return received;
    }

    /** Closes a client the test built itself after the test (Paho's clients are closed forcibly). */
    public <T> T closeAfter(T client) {
        if (client instanceof org.eclipse.paho.mqttv5.client.MqttClient paho) {
            opened.add(() -> {
                if (paho.isConnected()) {
                    paho.disconnectForcibly(1000);
                }
                paho.close(true);
            });
        } else if (client instanceof AutoCloseable closeable) {
            opened.add(closeable);
        } else {
            throw new IllegalArgumentException("cannot close " + client);
        }
        return client;
    }

    /** The next message a HiveMQ client receives, waiting up to ten seconds. */
    public static Mqtt5Publish next(Mqtt5BlockingClient.Mqtt5Publishes publishes) {
        try {
            return publishes.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("nothing received in 10 s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A Paho 3.1.1 callback that adds "topic=payload" to the queue for every message. */
    public static org.eclipse.paho.client.mqttv3.MqttCallback collect(BlockingQueue<String> received) {
        return collect(received, "");
    }

    /** The same, each entry prefixed (with a member's name, say). */
    public static org.eclipse.paho.client.mqttv3.MqttCallback collect(BlockingQueue<String> received, String prefix) {
        return new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                received.add(prefix + topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        };
    }

    /** A raw connection whose CONNECT has been accepted. */
    public RawMqttClient raw(Packets.Connect connect) {
        return track(RawMqttClient.connect(listener.tcpPort(), connect));
    }

    /** A raw connection that has sent its CONNECT; the CONNACK is the test's to read. */
    public RawMqttClient rawOpen(Packets.Connect connect) {
        return track(RawMqttClient.open(listener.tcpPort(), connect));
    }

    private RawMqttClient track(RawMqttClient client) {
        opened.add(client);
        return client;
    }

    /** Starts {@code mosquitto_pub} or {@code mosquitto_sub} against the gateway; killed after the test if still running. */
    public Process mosquitto(String command, String... arguments) {
        List<String> line = new ArrayList<>(List.of(command, "-h", "127.0.0.1", "-p", Integer.toString(listener.tcpPort())));
        line.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            opened.add(process::destroyForcibly);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mosquitto_pub} or {@code mosquitto_sub} to its end and returns what it printed; fails on a non-zero exit. */
    public String mosquittoRun(String command, String... arguments) throws InterruptedException {
        Process process = mosquitto(command, arguments);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(command + " did not finish within 30 s");
        }
        String output = output(process);
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited with " + process.exitValue() + ": " + output);
        }
        return output;
    }

    /** What a finished process printed, stdout and stderr together. */
    public static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the client's session holds a subscription to the filter (as written): the
     * gateway records it before the SUBACK, so a message published afterwards reaches it. For
     * clients that give no "subscribed" signal, like {@code mosquitto_sub}.
     */
    public void awaitSubscription(String clientId, String filterAsWritten) throws InterruptedException {
        await(() -> sessions.find(clientId)
                .map(session -> session.subscriptions().stream().anyMatch(s -> asWritten(s).equals(filterAsWritten)))
                .orElse(false), clientId + " subscribed to " + filterAsWritten);
    }

    /** The client's session once the gateway shows it (a session becomes visible just after its CONNACK). */
    public SessionSnapshot session(String clientId) throws InterruptedException {
        await(() -> sessions.find(clientId).isPresent(), "a session for " + clientId);
        return sessions.find(clientId).orElseThrow();
    }

    /** Waits until the gateway has no session for the client id (ended, expired or never there). */
    public void awaitNoSession(String clientId) throws InterruptedException {
        await(() -> sessions.find(clientId).isEmpty(), "the session of " + clientId + " gone");
    }

    /** Waits until the gateway sees the client's session without a connection. */
    public void awaitOffline(String clientId) throws InterruptedException {
        await(() -> sessions.find(clientId).map(session -> !session.connected()).orElse(false),
                clientId + " offline");
    }

    /**
     * Waits until the client's session has this many deliveries in flight and queued: then every
     * PUBLISH it decided to send has been written, and {@link RawMqttClient#pingBarrier()} sees them all.
     */
    public void awaitDeliveries(String clientId, int inflight, int queued) throws InterruptedException {
        await(() -> sessions.find(clientId).map(s -> s.inflight() == inflight && s.queued() == queued).orElse(false),
                clientId + " with " + inflight + " in flight and " + queued + " queued");
    }

    /** Waits up to 20 seconds for a condition about the gateway's state. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String asWritten(dev.ferrite.gateway.routing.Subscription subscription) {
        return subscription.isShared() ? "$share/" + subscription.shareGroup() + "/" + subscription.topicFilter()
                : subscription.topicFilter();
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
    }
}
