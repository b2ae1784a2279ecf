package dev.ferrite.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Paho 5 clients of one test, all closed by {@link #closeAll} (the management and event tests use them). */
public final class PahoClients {

    /** A message as a subscriber received it. */
    public record Received(String topic, MqttMessage message) {
        public String payload() {
            return new String(message.getPayload(), StandardCharsets.UTF_8);
        }
    }

    private final String uri;
    private final List<MqttClient> clients = new ArrayList<>();

    public PahoClients(int port) {
        this.uri = "tcp://127.0.0.1:" + port;
    }

    /** A device: clean start, no credentials. */
    public MqttClient device(String clientId) throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        return connect(clientId, options);
    }

    /** One of the platform's own services, which may subscribe to {@code $events/}. */
    public MqttClient internal(String clientId) throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setUserName("$internal");
        options.setPassword(ManagementTest.INTERNAL_TOKEN.getBytes(StandardCharsets.UTF_8));
        return connect(clientId, options);
    }

    public MqttClient connect(String clientId, MqttConnectionOptions options) throws Exception {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        options.setAutomaticReconnect(false);
        client.connect(options);
        clients.add(client);
        return client;
    }

    /** Subscribes and collects what arrives, in order. */
    public static BlockingQueue<Received> subscribe(MqttClient client, String filter, int qos) throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        IMqttMessageListener listener = (topic, message) -> received.add(new Received(topic, message));
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, qos)},
                new IMqttMessageListener[] {listener}).waitForCompletion(10_000);
        return received;
    }

    /**
     * Subscribes and collects every message the client receives, through its callback: Paho 5 does
     * not hand messages of a shared subscription to a per-subscription listener.
     */
    public static BlockingQueue<Received> subscribeShared(MqttClient client, String filter, int qos) throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, message));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.subscribe(filter, qos);
        return received;
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public void closeAll() throws Exception {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close(true);
        }
        clients.clear();
    }
}
