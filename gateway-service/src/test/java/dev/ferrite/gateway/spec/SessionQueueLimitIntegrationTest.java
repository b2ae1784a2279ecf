package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.collect;
import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * An offline session's queue is bounded by {@code ferrite.gateway.session.max-queued-messages}
 * and {@code max-queued-bytes}; when full, the oldest message goes first.
 */
@TestPropertySource(properties = {
        "ferrite.gateway.session.max-queued-messages=3",
        "ferrite.gateway.session.max-queued-bytes=1KB"})
class SessionQueueLimitIntegrationTest extends GatewayIntegrationTest {

    @Test
    void mqtt5_pastMaxQueuedMessagesTheOldestAreDropped() throws Exception {
        Mqtt5BlockingClient client = clients.hivemq("bounded-5");
        client.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
        client.subscribeWith().topicFilter("bounded5/t").qos(MqttQos.AT_LEAST_ONCE).send();
        client.disconnect();
        clients.awaitOffline("bounded-5");

        Mqtt5BlockingClient publisher = clients.hivemqConnected("bounded-5-pub");
        for (int i = 1; i <= 5; i++) {
            publisher.publishWith().topic("bounded5/t").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("m" + i)).send();
        }
        clients.awaitDeliveries("bounded-5", 0, 3);
        assertThat(sessions.find("bounded-5").orElseThrow().queueDropped()).isEqualTo(2);

        Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
        client.connectWith().cleanStart(false).sessionExpiryInterval(60).send();
        publisher.publishWith().topic("bounded5/t").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("live")).send();

        for (String expected : new String[] {"m3", "m4", "m5", "live"}) {
            assertThat(new String(next(received).getPayloadAsBytes())).isEqualTo(expected);
        }
    }

    @Test
    void mqtt311_pastMaxQueuedBytesTheOldestAreDropped() throws Exception {
        MqttClient client = clients.paho3("bounded-bytes-311", false);
        client.subscribe("boundedbytes/t", 1);
        client.disconnect();
        clients.awaitOffline("bounded-bytes-311");

        MqttClient publisher = clients.paho3("bounded-bytes-311-pub", true);
        for (int i = 1; i <= 4; i++) {
            byte[] payload = new byte[400];
            payload[0] = (byte) ('0' + i);
            publisher.publish("boundedbytes/t", payload, 1, false);
        }
        clients.awaitDeliveries("bounded-bytes-311", 0, 2);

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.setCallback(collect(received));
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        client.connect(options);

        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("boundedbytes/t=3");
        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("boundedbytes/t=4");
    }
}
