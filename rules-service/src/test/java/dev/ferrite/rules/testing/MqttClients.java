package dev.ferrite.rules.testing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** Real Paho MQTT 5 clients for tests: devices that publish and subscribers that collect. */
public final class MqttClients {

    /** What a subscriber received. */
    public record Received(String topic, String payload, MqttMessage message) {
    }

    private MqttClients() {
    }

    public static MqttClient device(String uri, String clientId) {
        return connect(uri, clientId, null, null);
    }

    /** A client of the platform's own, as rules-service and the bridges connect. */
    public static MqttClient internal(String uri) {
        return connect(uri, "test-internal-" + UUID.randomUUID(), "$internal", GatewayUnderTest.INTERNAL_TOKEN);
    }

    public static BlockingQueue<Received> subscribe(MqttClient client, String filter, int qos) {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, qos)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> received.add(
                            new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message))});
        } catch (MqttException e) {
            throw new AssertionError("Cannot subscribe to " + filter, e);
        }
        return received;
    }

    /** Paho 5 hands messages of a {@code $share/...} subscription to the client callback, not to the subscription's listener. */
    public static BlockingQueue<Received> subscribeShared(MqttClient client, String filter, int qos) {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message));
            }

            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
            }
        });
        try {
            client.subscribe(filter, qos);
        } catch (MqttException e) {
            throw new AssertionError("Cannot subscribe to " + filter, e);
        }
        return received;
    }

    public static void publish(MqttClient client, String topic, String payload, int qos) {
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
        } catch (MqttException e) {
            throw new AssertionError("Cannot publish to " + topic, e);
        }
    }

    public static Received next(BlockingQueue<Received> queue) {
        try {
            Received received = queue.poll(20, TimeUnit.SECONDS);
            if (received == null) {
                throw new AssertionError("Nothing received within 20 s");
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    public static void close(MqttClient... clients) {
        for (MqttClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnect();
                }
                client.close();
            } catch (MqttException e) {
                // Closing after the test: nothing left to check.
            }
        }
    }

    private static MqttClient connect(String uri, String clientId, String username, String password) {
        try {
            MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            if (username != null) {
                options.setUserName(username);
                options.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            client.connect(options);
            return client;
        } catch (MqttException e) {
            throw new AssertionError("Cannot connect " + clientId + " to " + uri, e);
        }
    }
}
