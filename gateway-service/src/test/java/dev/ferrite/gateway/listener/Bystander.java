package dev.ferrite.gateway.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.routing.SubscriptionIndex;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * A well-behaved MQTT 5 client (Paho) on the gateway's real TCP listener, subscribed to a topic
 * of its own: what other connections do must not disturb it.
 */
final class Bystander implements AutoCloseable {

    private static final long ROUND_TRIP_LIMIT_SECONDS = 10;

    private final String clientId = "bystander-" + UUID.randomUUID();
    private final String topic = "bystander/" + clientId;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final MqttClient client;
    private int probes;

    private Bystander(int tcpPort) throws MqttException {
        client = new MqttClient("tcp://127.0.0.1:" + tcpPort, clientId, new MemoryPersistence());
    }

    static Bystander connect(int tcpPort) throws MqttException {
        Bystander bystander = new Bystander(tcpPort);
        bystander.start();
        return bystander;
    }

    private void start() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(0);
        client.connect(options);
        IMqttMessageListener onMessage = (ignored, message) ->
                received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}, new IMqttMessageListener[] {onMessage});
    }

    /** Publishes to its own topic at QoS 1 and receives the message back through the gateway. */
    void assertStillPublishesAndReceives() throws Exception {
        String probe = "probe-" + (++probes);
        assertThat(client.isConnected()).as("the bystander is still connected").isTrue();
        client.publish(topic, probe.getBytes(StandardCharsets.UTF_8), 1, false);
        String message;
        do {
            // Others may publish here too (fuzzed wills and publishes): wait for our own probe.
            message = received.poll(ROUND_TRIP_LIMIT_SECONDS, TimeUnit.SECONDS);
        } while (message != null && !message.equals(probe));
        assertThat(message).as("the bystander receives what it publishes").isEqualTo(probe);
    }

    /** Cheap, without a round trip: still connected and its subscription still in the node's index. */
    void assertStillSubscribed(SubscriptionIndex subscriptions) {
        assertThat(client.isConnected()).as("the bystander is still connected").isTrue();
        assertThat(subscriptions.match(topic).clients()).as("the bystander's subscription").containsKey(clientId);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
