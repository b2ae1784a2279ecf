package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static dev.ferrite.gateway.testing.Packets.Property.MESSAGE_EXPIRY_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.MqttClients;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.RawMqttClient;
import dev.ferrite.gateway.testing.RawMqttClient.Packet;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

/**
 * Retained messages (MQTT 5 3.3.1.3, 3.1.1 3.3.1.3) with the Message Expiry Interval
 * (MQTT 5 3.3.2.3.3); the basics with Paho 5 and mosquitto are in RetainedMessagesIntegrationTest.
 */
class RetainedIntegrationTest extends GatewayIntegrationTest {

    @Test
    void mqtt311_aRetainedMessageGoesToLaterSubscribersUntilAnEmptyPayloadClearsIt() throws Exception {
        MqttClient publisher = clients.paho3("retained-311-pub", true);
        publisher.publish("retained311/t", utf8("kept"), 1, true);

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient first = clients.paho3("retained-311-first", true);
        first.setCallback(MqttClients.collect(received));
        first.subscribe("retained311/#", 1);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("retained311/t=kept");

        publisher.publish("retained311/t", new byte[0], 1, true);
        RawMqttClient later = clients.raw(Packets.connect("retained-311-later"));
        later.send(Packets.subscribe(false, 1, "retained311/#", 1));
        later.expect(Packets.SUBACK);
        assertThat(later.pingBarrier()).as("cleared: nothing follows the SUBACK").isEmpty();
    }

    @Test
    void anExpiredRetainedMessageIsNoLongerSent() throws Exception {
        Mqtt5BlockingClient publisher = clients.hivemqConnected("retained-expiry-pub");
        publisher.publishWith().topic("retainedexpiry/short").retain(true).qos(MqttQos.AT_LEAST_ONCE)
                .messageExpiryInterval(1).payload(utf8("short")).send();
        publisher.publishWith().topic("retainedexpiry/long").retain(true).qos(MqttQos.AT_LEAST_ONCE)
                .messageExpiryInterval(3600).payload(utf8("long")).send();

        // Subscribe again until the short one has expired: each SUBSCRIBE's retained messages come before PINGRESP.
        RawMqttClient subscriber = clients.raw(Packets.connect("retained-expiry-sub").v5());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int packetId = 1;
        while (true) {
            subscriber.send(Packets.subscribe(true, packetId++, "retainedexpiry/#", 0));
            subscriber.expect(Packets.SUBACK);
            var retained = subscriber.pingBarrier().stream().map(Packet::payloadText).toList();
            if (retained.equals(java.util.List.of("long"))) {
                break;
            }
            assertThat(retained).containsExactlyInAnyOrder("short", "long");
            assertThat(System.nanoTime()).as("the short-lived message expires").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void aRetainedMessageCarriesWhatIsLeftOfItsExpiryInterval() throws Exception {
        clients.hivemqConnected("retained-left-pub").publishWith().topic("retainedleft/t").retain(true)
                .qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(60).payload(utf8("x")).send();
        Thread.sleep(1100); // let at least a second of the interval pass

        RawMqttClient subscriber = clients.raw(Packets.connect("retained-left-sub").v5());
        subscriber.send(Packets.subscribe(true, 1, "retainedleft/t", 0));
        subscriber.expect(Packets.SUBACK);

        assertThat((Long) subscriber.expect(Packets.PUBLISH).property(MESSAGE_EXPIRY_INTERVAL)).isBetween(1L, 59L);
    }

    @Test
    void hiveMq_aRetainedMessageArrivesWithTheRetainFlag() {
        clients.hivemqConnected("retained-hivemq-pub").publishWith().topic("retainedhivemq/t").retain(true)
                .qos(MqttQos.EXACTLY_ONCE).payload(utf8("r")).send();

        Mqtt5BlockingClient subscriber = clients.hivemqConnected("retained-hivemq-sub");
        Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
        subscriber.subscribeWith().topicFilter("retainedhivemq/+").qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5Publish retained = next(received);
        assertThat(retained.isRetain()).isTrue();
        assertThat(retained.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
    }
}
