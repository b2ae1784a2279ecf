package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static dev.ferrite.gateway.testing.Packets.Property.SESSION_EXPIRY_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.Packets.Properties;
import dev.ferrite.gateway.testing.RawMqttClient;
import dev.ferrite.gateway.testing.RawMqttClient.Packet;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quality of Service levels and protocol flows (MQTT 5 and 3.1.1 section 4.3), message delivery retry (4.4). */
class QosIntegrationTest extends GatewayIntegrationTest {

    /** MQTT 5 3.8.4 / 3.1.1 3.8.4: a message goes out at the lower of its QoS and the subscription's. */
    @Test
    void mqtt311_eachMessageArrivesAtTheLowerOfPublishedAndGrantedQos() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = clients.paho3("qos-levels-sub", true);
        subscriber.subscribe("qos/one", 1, (topic, message) -> received.add(new String(message.getPayload(),
                StandardCharsets.UTF_8) + "@" + message.getQos()));
        subscriber.subscribe("qos/two", 2, (topic, message) -> received.add(new String(message.getPayload(),
                StandardCharsets.UTF_8) + "@" + message.getQos()));

        Mqtt5BlockingClient publisher = clients.hivemqConnected("qos-levels-pub");
        for (MqttQos qos : MqttQos.values()) {
            publisher.publishWith().topic("qos/one").qos(qos).payload(utf8("one-" + qos.getCode())).send();
        }
        for (MqttQos qos : MqttQos.values()) {
            publisher.publishWith().topic("qos/two").qos(qos).payload(utf8("two-" + qos.getCode())).send();
        }

        List<String> all = List.of("one-0@0", "one-1@1", "one-2@1", "two-0@0", "two-1@1", "two-2@2");
        for (String expected : all) {
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    /** MQTT 5 4.3.3 and 3.1.1 4.3.3: QoS 2, exactly once, whatever the sender repeats. */
    @Nested
    class Section_4_3_3_QoS2 {

        @ParameterizedTest(name = "MQTT protocol level {0}")
        @ValueSource(ints = {4, 5})
        void aDuplicatePublishBeforePubrelIsAcknowledgedAndNotDeliveredAgain(int level) {
            boolean v5 = level == 5;
            Mqtt5BlockingClient subscriber = clients.hivemqConnected("exactly-once-sub-" + level);
            Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
            subscriber.subscribeWith().topicFilter("once/" + level).qos(MqttQos.EXACTLY_ONCE).send();
            RawMqttClient publisher = clients.raw(connect("exactly-once-pub-" + level, v5));

            byte[] payload = utf8("only once");
            publisher.send(Packets.publish(v5, "once/" + level, 2, false, false, 7, new Properties(), payload));
            assertThat(publisher.expect(Packets.PUBREC).packetId()).isEqualTo(7);
            publisher.send(Packets.publish(v5, "once/" + level, 2, true, false, 7, new Properties(), payload));
            Packet secondPubRec = publisher.expect(Packets.PUBREC);
            assertThat(secondPubRec.packetId()).isEqualTo(7);
            assertThat(secondPubRec.reasonCode()).isZero();
            publisher.send(Packets.ack(Packets.PUBREL, 7));
            assertThat(publisher.expect(Packets.PUBCOMP).packetId()).isEqualTo(7);
            publisher.send(Packets.publish(v5, "once/" + level, 1, 8, "marker"));
            publisher.expect(Packets.PUBACK);

            assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("only once");
            assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8))
                    .as("the duplicate was not delivered before the marker").isEqualTo("marker");
        }

        @ParameterizedTest(name = "MQTT protocol level {0}")
        @ValueSource(ints = {4, 5})
        void aDuplicatePubrelIsAnsweredWithPubcompAndThePacketIdCanBeUsedAgain(int level) {
            boolean v5 = level == 5;
            Mqtt5BlockingClient subscriber = clients.hivemqConnected("pubrel-twice-sub-" + level);
            Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
            subscriber.subscribeWith().topicFilter("pubrel/" + level).qos(MqttQos.EXACTLY_ONCE).send();
            RawMqttClient publisher = clients.raw(connect("pubrel-twice-pub-" + level, v5));

            publisher.send(Packets.publish(v5, "pubrel/" + level, 2, 9, "first"));
            publisher.expect(Packets.PUBREC);
            publisher.send(Packets.ack(Packets.PUBREL, 9));
            assertThat(publisher.expect(Packets.PUBCOMP).reasonCode()).isZero();
            publisher.send(Packets.ack(Packets.PUBREL, 9));
            Packet secondPubComp = publisher.expect(Packets.PUBCOMP);
            assertThat(secondPubComp.packetId()).isEqualTo(9);
            // MQTT 5 3.7.2.1: 0x92 Packet Identifier not found; 3.1.1 PUBCOMP has no reason code.
            assertThat(secondPubComp.reasonCode()).isEqualTo(v5 ? 0x92 : 0);

            publisher.send(Packets.publish(v5, "pubrel/" + level, 2, 9, "second"));
            publisher.expect(Packets.PUBREC);
            publisher.send(Packets.ack(Packets.PUBREL, 9));
            publisher.expect(Packets.PUBCOMP);

            assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("first");
            assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
        }

        @Test
        void theGatewayCompletesItsOwnQos2FlowWithTheSamePacketId() throws Exception {
            RawMqttClient subscriber = clients.raw(Packets.connect("qos2-receiver").v5());
            subscriber.send(Packets.subscribe(true, 1, "qos2/out", 2));
            subscriber.expect(Packets.SUBACK);

            clients.hivemqConnected("qos2-sender").publishWith().topic("qos2/out").qos(MqttQos.EXACTLY_ONCE)
                    .payload(utf8("x")).send();

            Packet publish = subscriber.expect(Packets.PUBLISH);
            assertThat(publish.qos()).isEqualTo(2);
            assertThat(publish.dup()).isFalse();
            subscriber.send(Packets.ack(Packets.PUBREC, publish.packetId()));
            Packet pubRel = subscriber.expect(Packets.PUBREL);
            assertThat(pubRel.packetId()).isEqualTo(publish.packetId());
            assertThat(pubRel.flags()).as("PUBREL's reserved flags").isEqualTo(0x02);
            subscriber.send(Packets.ack(Packets.PUBCOMP, publish.packetId()));
            assertThat(subscriber.pingBarrier()).as("nothing resent once completed").isEmpty();
            clients.awaitDeliveries("qos2-receiver", 0, 0);
        }

        @Test
        void aPubrecForAnUnknownPacketIdGetsPubrelWithPacketIdentifierNotFound() {
            RawMqttClient client = clients.raw(Packets.connect("unknown-pubrec").v5());

            client.send(Packets.ack(Packets.PUBREC, 4242));

            Packet pubRel = client.expect(Packets.PUBREL);
            assertThat(pubRel.packetId()).isEqualTo(4242);
            assertThat(pubRel.reasonCode()).isEqualTo(0x92);
        }

        @Test
        void pahoV5ToHiveMqDeliversQos2ExactlyOnce() throws Exception {
            Mqtt5BlockingClient subscriber = clients.hivemqConnected("paho-to-hivemq-sub");
            Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
            subscriber.subscribeWith().topicFilter("p2h/#").qos(MqttQos.EXACTLY_ONCE).send();

            org.eclipse.paho.mqttv5.client.MqttClient publisher = clients.paho5("paho-to-hivemq-pub");
            for (int i = 0; i < 20; i++) {
                publisher.publish("p2h/t", utf8("m" + i), 2, false);
            }
            publisher.publish("p2h/end", utf8("end"), 1, false);

            for (int i = 0; i < 20; i++) {
                var message = next(received);
                assertThat(message.getQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
                assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
            }
            assertThat(next(received).getTopic().toString()).isEqualTo("p2h/end");
        }
    }

    /** MQTT 5 4.4 and 3.1.1 4.4: unacknowledged PUBLISH and PUBREL packets are sent again when the session resumes. */
    @Nested
    class Section_4_4_MessageDeliveryRetry {

        @ParameterizedTest(name = "MQTT protocol level {0}")
        @ValueSource(ints = {4, 5})
        void anUnacknowledgedQos1PublishIsSentAgainWithDupOnReconnect(int level) throws Exception {
            boolean v5 = level == 5;
            String clientId = "retry-qos1-" + level;
            RawMqttClient subscriber = clients.raw(persistent(clientId, v5));
            subscriber.send(Packets.subscribe(v5, 1, "retry1/" + level, 1));
            subscriber.expect(Packets.SUBACK);
            clients.hivemqConnected("retry1-pub-" + level).publishWith().topic("retry1/" + level)
                    .qos(MqttQos.AT_LEAST_ONCE).payload(utf8("again")).send();
            Packet first = subscriber.expect(Packets.PUBLISH);
            assertThat(first.dup()).isFalse();
            subscriber.close();
            clients.awaitOffline(clientId);

            RawMqttClient back = clients.rawOpen(persistent(clientId, v5));

            assertThat(back.expect(Packets.CONNACK).sessionPresent()).isTrue();
            Packet resent = back.expect(Packets.PUBLISH);
            assertThat(resent.dup()).isTrue();
            assertThat(resent.packetId()).isEqualTo(first.packetId());
            assertThat(resent.qos()).isEqualTo(1);
            assertThat(resent.payloadText()).isEqualTo("again");
            back.send(Packets.ack(Packets.PUBACK, resent.packetId()));
            assertThat(back.pingBarrier()).as("acknowledged: not sent a third time").isEmpty();
        }

        @Test
        void anUnacknowledgedQos2PublishIsSentAgainWithDup() throws Exception {
            RawMqttClient subscriber = clients.raw(persistent("retry-qos2-publish", true));
            subscriber.send(Packets.subscribe(true, 1, "retry2/publish", 2));
            subscriber.expect(Packets.SUBACK);
            clients.hivemqConnected("retry2-publish-pub").publishWith().topic("retry2/publish")
                    .qos(MqttQos.EXACTLY_ONCE).payload(utf8("q2")).send();
            Packet first = subscriber.expect(Packets.PUBLISH);
            subscriber.close();
            clients.awaitOffline("retry-qos2-publish");

            RawMqttClient back = clients.raw(persistent("retry-qos2-publish", true));

            Packet resent = back.expect(Packets.PUBLISH);
            assertThat(resent.dup()).isTrue();
            assertThat(resent.qos()).isEqualTo(2);
            assertThat(resent.packetId()).isEqualTo(first.packetId());
        }

        @Test
        void aPubrelNotCompletedIsSentAgainAndThePublishIsNot() throws Exception {
            RawMqttClient subscriber = clients.raw(persistent("retry-qos2-pubrel", true));
            subscriber.send(Packets.subscribe(true, 1, "retry2/pubrel", 2));
            subscriber.expect(Packets.SUBACK);
            clients.hivemqConnected("retry2-pubrel-pub").publishWith().topic("retry2/pubrel")
                    .qos(MqttQos.EXACTLY_ONCE).payload(utf8("q2")).send();
            Packet publish = subscriber.expect(Packets.PUBLISH);
            subscriber.send(Packets.ack(Packets.PUBREC, publish.packetId()));
            subscriber.expect(Packets.PUBREL);
            subscriber.close();
            clients.awaitOffline("retry-qos2-pubrel");

            RawMqttClient back = clients.raw(persistent("retry-qos2-pubrel", true));

            Packet pubRel = back.expect(Packets.PUBREL);
            assertThat(pubRel.packetId()).isEqualTo(publish.packetId());
            back.send(Packets.ack(Packets.PUBCOMP, publish.packetId()));
            assertThat(back.pingBarrier()).as("the message itself is not sent again").isEmpty();
        }
    }

    private static Packets.Connect connect(String clientId, boolean v5) {
        return v5 ? Packets.connect(clientId).v5() : Packets.connect(clientId);
    }

    /** A CONNECT that keeps the session: clean session off, and for 5.0 a Session Expiry Interval of a minute. */
    static Packets.Connect persistent(String clientId, boolean v5) {
        Packets.Connect connect = Packets.connect(clientId).cleanStart(false);
        return v5 ? connect.v5().properties(new Properties().fourByte(SESSION_EXPIRY_INTERVAL, 60)) : connect;
    }
}
