package dev.ferrite.gateway.spec.shared;

import static dev.ferrite.gateway.testing.MqttClients.utf8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.ferrite.gateway.testing.MqttClients;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Members of one share group and what each received, as "member:payload" in arrival order.
 * Members alternate between the HiveMQ client and Paho 5 so that both are exercised.
 */
final class ShareGroup {

    private final MqttClients clients;
    private final String filter;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> leaves = new ArrayList<>();

    ShareGroup(MqttClients clients, String group, String topicFilter) {
        this.clients = clients;
        this.filter = "$share/" + group + "/" + topicFilter;
    }

    /** Adds a member (HiveMQ for even indexes, Paho 5 for odd ones); returns how to make it leave. */
    AutoCloseable join(String clientId) throws Exception {
        AutoCloseable leave;
        if (leaves.size() % 2 == 0) {
            Mqtt5BlockingClient member = clients.hivemqConnected(clientId);
            member.toAsync().subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                    .callback(publish -> received.add(clientId + ":" + new String(publish.getPayloadAsBytes(),
                            StandardCharsets.UTF_8)))
                    .send().get(10, TimeUnit.SECONDS);
            leave = member::disconnect;
        } else {
            // Paho matches a message against "$share/..." literally for per-subscription listeners and drops it:
            // its client-wide callback gets shared deliveries.
            MqttClient member = clients.paho5(clientId);
            member.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(clientId + ":" + new String(message.getPayload(), StandardCharsets.UTF_8));
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
            member.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
            leave = member::disconnect;
        }
        leaves.add(leave);
        return leave;
    }

    /** Publishes messages "prefix1".."prefixN" at QoS 1 from a HiveMQ client with this id. */
    void publish(String publisherId, String prefix, int count) {
        Mqtt5BlockingClient publisher = clients.hivemqConnected(publisherId);
        for (int i = 1; i <= count; i++) {
            publisher.publishWith().topic(topicFor()).qos(MqttQos.AT_LEAST_ONCE).payload(utf8(prefix + i)).send();
        }
        publisher.disconnect();
    }

    private String topicFor() {
        return filter.substring(filter.indexOf('/', "$share/".length()) + 1);
    }

    /** Waits for this many deliveries and groups them by member: member id to payloads in arrival order. */
    Map<String, List<String>> take(int count) throws InterruptedException {
        Map<String, List<String>> byMember = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String delivery = received.poll(10, TimeUnit.SECONDS);
            if (delivery == null) {
                throw new AssertionError("only " + i + " of " + count + " deliveries arrived: " + byMember);
            }
            String[] parts = delivery.split(":", 2);
            byMember.computeIfAbsent(parts[0], member -> new ArrayList<>()).add(parts[1]);
        }
        return byMember;
    }
}
