package dev.ferrite.rules.bus;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.ferrite.rules.InternalToken;
import dev.ferrite.rules.NodeName;
import dev.ferrite.rules.RulesProperties;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * rules-service's one MQTT 5 connection to the gateway, as the internal principal
 * ({@code $internal} with the internal token). It connects at start, reconnects by itself
 * whenever the connection is lost (and then subscribes again, since the gateway ends the
 * session with the connection), hands every message to the {@link BusListener} and
 * acknowledges it only once the listener finished with it.
 *
 * <p>Connecting, subscribing and unsubscribing happen on one thread of their own; messages
 * arrive on Paho's callback thread.
 */
@Component
public class GatewayConnection implements BusPublisher, SmartLifecycle, MqttCallback {

    static final String INTERNAL_USERNAME = "$internal";

    private static final Logger log = LoggerFactory.getLogger(GatewayConnection.class);

    private final RulesProperties.Gateway properties;
    private final InternalToken token;
    private final NodeName node;
    private final BusListener listener;
    private final SharedSubscriptions subscriptions;
    private final ScheduledExecutorService busThread;
    private final String clientId;
    private volatile MqttAsyncClient client;
    private volatile InOrderAcks acks;
    private volatile boolean running;
    private volatile boolean connected;
    private boolean outageLogged;
    private volatile MqttException lastFailure;

    public GatewayConnection(RulesProperties properties, InternalToken token, NodeName node, BusListener listener) {
        this.properties = properties.gateway();
        this.token = token;
        this.node = node;
        this.listener = listener;
        this.subscriptions = new SharedSubscriptions(this.properties.requestTimeout().toMillis());
        this.clientId = "ferrite-rules-" + UUID.randomUUID().toString().substring(0, 8);
        this.busThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-bus");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start() {
        if (!token.isSet()) {
            log.warn("ferrite.internal-token is not set: rules-service connects to the gateway without the internal "
                    + "token, which a gateway that checks internal principals refuses");
        }
        try {
            client = new MqttAsyncClient(properties.serverUri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot create the MQTT client for " + properties.serverUri(), e);
        }
        client.setCallback(this);
        client.setManualAcks(true);
        acks = new InOrderAcks(client::messageArrivedComplete);
        running = true;
        busThread.execute(this::connect);
    }

    @Override
    public void stop() {
        running = false;
        connected = false;
        Future.await(busThread.submit(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnect(properties.requestTimeout().toMillis()).waitForCompletion(properties.requestTimeout().toMillis());
                }
            } catch (MqttException e) {
                log.debug("Disconnecting from the gateway: {}", e.toString());
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                log.debug("Closing the MQTT client: {}", e.toString());
            }
        }), properties.requestTimeout().toMillis() * 2);
        busThread.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server and the rules are up; stops before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    public boolean isConnected() {
        return connected;
    }

    /** Why the last connection attempt failed (its MQTT reason code says whether the gateway refused it), or null. */
    public MqttException lastFailure() {
        return lastFailure;
    }

    public String clientId() {
        return clientId;
    }

    /**
     * Makes the shared subscriptions exactly these filters. Waits (up to the request timeout per
     * filter) until the gateway answered when connected, so that a rule saved through this
     * replica runs as soon as the save returns; otherwise they are made at the next connection.
     */
    public void subscribeExactly(Set<String> filters) {
        Future.await(busThread.submit(() -> {
            subscriptions.want(filters);
            if (connected) {
                subscriptions.apply(client);
            }
        }), properties.requestTimeout().toMillis() * Math.max(1, filters.size() + 1));
    }

    /** The filters the gateway has confirmed on the current connection. */
    public Set<String> subscribedFilters() {
        return Future.await(busThread.submit(subscriptions::held), properties.requestTimeout().toMillis());
    }

    private void connect() {
        if (!running || connected) {
            return;
        }
        try {
            client.connect(options()).waitForCompletion(properties.requestTimeout().toMillis());
        } catch (MqttException e) {
            lastFailure = e;
            if (!outageLogged) {
                log.warn("Cannot connect to the gateway at {}: {}; retrying every {}", properties.serverUri(), e.toString(),
                        properties.reconnectInterval());
                outageLogged = true;
            }
            reconnectLater();
            return;
        }
        outageLogged = false;
        lastFailure = null;
        acks.newConnection();
        connected = true;
        log.info("Connected to the gateway at {} as {}", properties.serverUri(), clientId);
        subscriptions.apply(client);
    }

    private void reconnectLater() {
        if (running) {
            busThread.schedule(this::connect, properties.reconnectInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setKeepAliveInterval((int) properties.keepAlive().toSeconds());
        options.setConnectionTimeout((int) Math.max(1, properties.requestTimeout().toSeconds()));
        options.setAutomaticReconnect(false);
        options.setReceiveMaximum(properties.receiveMaximum());
        options.setUserName(INTERNAL_USERNAME);
        if (token.isSet()) {
            options.setPassword(token.internalToken().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        connected = false;
        log.warn("Lost the connection to the gateway: {}; reconnecting", response);
        busThread.execute(() -> {
            subscriptions.lost();
            reconnectLater();
        });
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT error on the gateway connection: {}", exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        InOrderAcks current = acks;
        InOrderAcks.Ticket ticket = current.received(message.getId(), message.getQos());
        CompletableFuture<Void> handled;
        try {
            MqttProperties properties = message.getProperties();
            Set<String> filters = subscriptions.filtersOf(properties == null ? null : properties.getSubscriptionIdentifiers());
            handled = listener.onMessage(new BusMessage(topic,
                    MessageContexts.of(topic, message, node.get(), System.currentTimeMillis()), filters));
        } catch (RuntimeException e) {
            log.warn("Dropped a message on {}: {}", topic, e.toString());
            handled = CompletableFuture.completedFuture(null);
        }
        handled.whenComplete((ignored, failure) -> {
            try {
                current.finished(ticket);
            } catch (Exception e) {
                log.debug("Could not acknowledge a message on {}: {}", topic, e.toString());
            }
        });
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage outbound) {
        if (!connected) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to the gateway"));
        }
        MqttMessage message = new MqttMessage(outbound.payload(), outbound.qos(), outbound.retain(), properties(outbound));
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publish(outbound.topic(), message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        done.completeExceptionally(new IllegalStateException("the gateway refused the publish to "
                                + outbound.topic() + " (reason code 0x" + Integer.toHexString(codes[0]) + ")"));
                    } else {
                        done.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    done.completeExceptionally(failure);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private static MqttProperties properties(OutboundMessage outbound) {
        MqttProperties properties = new MqttProperties();
        if (!outbound.userProperties().isEmpty()) {
            properties.setUserProperties(outbound.userProperties().stream()
                    .map(entry -> new UserProperty(entry.getKey(), entry.getValue()))
                    .collect(Collectors.toList()));
        }
        return properties;
    }

    /** Waits for work handed to the bus thread, turning its failures into unchecked ones. */
    private static final class Future {

        static <T> T await(java.util.concurrent.Future<T> future, long timeoutMillis) {
            try {
                return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the bus", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("The bus failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("The bus did not answer within " + timeoutMillis + " ms", e);
            }
        }
    }

    @Override
    public String toString() {
        return "GatewayConnection" + Map.of("server", properties.serverUri(), "clientId", clientId);
    }
}
