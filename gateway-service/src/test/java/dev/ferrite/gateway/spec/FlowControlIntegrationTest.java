package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.Packets.Property.MAXIMUM_PACKET_SIZE;
import static dev.ferrite.gateway.testing.Packets.Property.RECEIVE_MAXIMUM;
import static dev.ferrite.gateway.testing.Packets.Property.TOPIC_ALIAS;
import static dev.ferrite.gateway.testing.Packets.Property.TOPIC_ALIAS_MAXIMUM;
import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.Packets.Properties;
import dev.ferrite.gateway.testing.RawMqttClient;
import dev.ferrite.gateway.testing.RawMqttClient.Packet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Flow control both ways: Maximum Packet Size, Receive Maximum and the in-flight window, Topic
 * Alias Maximum (MQTT 5 3.1.2.11, 3.2.2.3, 3.3.2.3.4, 4.9).
 */
class FlowControlIntegrationTest extends GatewayIntegrationTest {

    /** MQTT 5 3.1.2.11.4 and 3.2.2.3.6 Maximum Packet Size. */
    @Nested
    class Section_3_1_2_11_4_MaximumPacketSize {

        @Test
        void theConnAckTellsTheGatewaysMaximumPacketSize() {
            Mqtt5ConnAck connAck = clients.hivemq("tells-max-packet").connect();

            assertThat(connAck.getRestrictions().getMaximumPacketSize()).isEqualTo(1024 * 1024);
        }

        @Test
        void aMessageLargerThanTheClientsMaximumIsNotSentToIt() {
            Mqtt5BlockingClient small = clients.hivemq("small-packets");
            small.connectWith().restrictions().maximumPacketSize(256).applyRestrictions().send();
            Mqtt5BlockingClient.Mqtt5Publishes received = small.publishes(MqttGlobalPublishFilter.ALL);
            small.subscribeWith().topicFilter("sizes/#").qos(MqttQos.AT_LEAST_ONCE).send();

            Mqtt5BlockingClient publisher = clients.hivemqConnected("sizes-publisher");
            publisher.publishWith().topic("sizes/big").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[1000]).send();
            publisher.publishWith().topic("sizes/small").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("fits")).send();

            Mqtt5Publish first = next(received);
            assertThat(first.getTopic().toString()).as("the big one is skipped, not sent").isEqualTo("sizes/small");
            assertThat(small.getState().isConnected()).isTrue();
        }

        @Test
        void rawBytes_theSkippedMessageTakesNoPlaceInTheInflightWindow() {
            RawMqttClient small = clients.raw(Packets.connect("small-raw").v5()
                    .properties(new Properties().fourByte(MAXIMUM_PACKET_SIZE, 100).twoByte(RECEIVE_MAXIMUM, 1)));
            small.send(Packets.subscribe(true, 1, "sizes-raw/#", 1));
            small.expect(Packets.SUBACK);

            Mqtt5BlockingClient publisher = clients.hivemqConnected("sizes-raw-publisher");
            publisher.publishWith().topic("sizes-raw/big").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[200]).send();
            publisher.publishWith().topic("sizes-raw/small").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("fits")).send();

            Packet publish = small.expect(Packets.PUBLISH);
            assertThat(publish.payloadText()).isEqualTo("fits");
        }

        @Test
        void aPacketLargerThanTheGatewaysMaximumGetsDisconnectWithPacketTooLarge() {
            RawMqttClient client = clients.raw(Packets.connect("too-large").v5());

            client.send(Packets.publish(true, "big", 0, false, false, 0, new Properties(), new byte[1024 * 1024 + 1]));

            assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x95);
        }
    }

    /** MQTT 5 3.1.2.11.3 and 3.2.2.3.3 Receive Maximum, 4.9 Flow Control. */
    @Nested
    class Section_4_9_FlowControl {

        @Test
        void noMoreThanTheClientsReceiveMaximumIsUnacknowledgedAtOnce() throws Exception {
            RawMqttClient subscriber = clients.raw(Packets.connect("receive-max-2").v5()
                    .properties(new Properties().twoByte(RECEIVE_MAXIMUM, 2)));
            subscriber.send(Packets.subscribe(true, 1, "window/t", 1));
            subscriber.expect(Packets.SUBACK);

            Mqtt5BlockingClient publisher = clients.hivemqConnected("window-publisher");
            for (int i = 1; i <= 5; i++) {
                publisher.publishWith().topic("window/t").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("m" + i)).send();
            }

            clients.awaitDeliveries("receive-max-2", 2, 3);
            List<Packet> first = subscriber.pingBarrier();
            assertThat(first).extracting(Packet::payloadText).containsExactly("m1", "m2");
            subscriber.send(Packets.ack(Packets.PUBACK, first.get(0).packetId()));
            assertThat(subscriber.expect(Packets.PUBLISH).payloadText()).isEqualTo("m3");
            assertThat(subscriber.pingBarrier()).as("one acknowledged, one more sent").isEmpty();
            subscriber.send(Packets.ack(Packets.PUBACK, first.get(1).packetId()));
            assertThat(subscriber.expect(Packets.PUBLISH).payloadText()).isEqualTo("m4");
        }

        @Test
        void mqtt311_theGatewaysInflightWindowHoldsBackTheRest() throws Exception {
            RawMqttClient subscriber = clients.raw(Packets.connect("window-311"));
            subscriber.send(Packets.subscribe(false, 1, "window311/t", 1));
            subscriber.expect(Packets.SUBACK);

            RawMqttClient publisher = clients.raw(Packets.connect("window-311-publisher"));
            for (int i = 1; i <= 40; i++) {
                publisher.send(Packets.publish(false, "window311/t", 1, i, "m" + i));
                publisher.expect(Packets.PUBACK);
            }

            clients.awaitDeliveries("window-311", 32, 8);
            List<Packet> sent = subscriber.pingBarrier();
            assertThat(sent).as("ferrite.gateway.session.max-inflight (32)").hasSize(32);
            for (Packet publish : sent) {
                subscriber.send(Packets.ack(Packets.PUBACK, publish.packetId()));
            }
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rest.add(subscriber.expect(Packets.PUBLISH).payloadText());
            }
            assertThat(rest).containsExactly("m33", "m34", "m35", "m36", "m37", "m38", "m39", "m40");
        }

        @Test
        void theConnAckTellsTheGatewaysReceiveMaximum() {
            assertThat(clients.hivemq("tells-receive-max").connect().getRestrictions().getReceiveMaximum()).isEqualTo(32);
        }

        @Test
        void moreUnreleasedQos2PublishesThanTheGatewaysReceiveMaximumGetDisconnect0x93() {
            RawMqttClient client = clients.raw(Packets.connect("over-receive-max").v5());

            for (int i = 1; i <= 32; i++) {
                client.send(Packets.publish(true, "unreleased", 2, i, "m" + i));
                assertThat(client.expect(Packets.PUBREC).packetId()).isEqualTo(i);
            }
            client.send(Packets.publish(true, "unreleased", 2, 33, "m33"));

            assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x93);
        }
    }

    /** MQTT 5 3.3.2.3.4 Topic Alias, 3.1.2.11.5 and 3.2.2.3.8 Topic Alias Maximum. */
    @Nested
    class Section_3_3_2_3_4_TopicAlias {

        @Test
        void theConnAckTellsTheGatewaysTopicAliasMaximum() {
            assertThat(clients.hivemq("tells-alias-max").connect().getRestrictions().getTopicAliasMaximum()).isEqualTo(64);
        }

        @Test
        void aClientsTopicAliasIsResolved() {
            Mqtt5BlockingClient subscriber = clients.hivemqConnected("alias-resolved-sub");
            Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
            subscriber.subscribeWith().topicFilter("aliased/#").qos(MqttQos.AT_LEAST_ONCE).send();

            RawMqttClient publisher = clients.raw(Packets.connect("alias-publisher").v5());
            publisher.send(Packets.publish(true, "aliased/first", 1, false, false, 1,
                    new Properties().twoByte(TOPIC_ALIAS, 7), utf8("set")));
            publisher.send(Packets.publish(true, "", 1, false, false, 2,
                    new Properties().twoByte(TOPIC_ALIAS, 7), utf8("used")));
            publisher.send(Packets.publish(true, "aliased/second", 1, false, false, 3,
                    new Properties().twoByte(TOPIC_ALIAS, 7), utf8("reset")));
            publisher.send(Packets.publish(true, "", 1, false, false, 4,
                    new Properties().twoByte(TOPIC_ALIAS, 7), utf8("used again")));

            List<String> topics = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Mqtt5Publish publish = next(received);
                topics.add(publish.getTopic() + "=" + new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
            }
            assertThat(topics).containsExactly("aliased/first=set", "aliased/first=used", "aliased/second=reset",
                    "aliased/second=used again");
        }

        @Test
        void anAliasOfZeroOrAboveTheMaximumGetsDisconnectTopicAliasInvalid() {
            RawMqttClient zero = clients.raw(Packets.connect("alias-zero").v5());
            zero.send(Packets.publish(true, "t", 0, false, false, 0, new Properties().twoByte(TOPIC_ALIAS, 0), new byte[0]));
            assertThat(zero.expectDisconnectAndClose().reasonCode()).isEqualTo(0x94);

            RawMqttClient above = clients.raw(Packets.connect("alias-above").v5());
            above.send(Packets.publish(true, "t", 0, false, false, 0, new Properties().twoByte(TOPIC_ALIAS, 65), new byte[0]));
            assertThat(above.expectDisconnectAndClose().reasonCode()).isEqualTo(0x94);
        }

        @Test
        void anAliasNeverSetIsAProtocolError() {
            RawMqttClient client = clients.raw(Packets.connect("alias-unset").v5());

            client.send(Packets.publish(true, "", 0, false, false, 0, new Properties().twoByte(TOPIC_ALIAS, 3), new byte[0]));

            assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x82);
        }

        @Test
        void theGatewayUsesAliasesTowardsAClientThatAllowsThem() {
            RawMqttClient subscriber = clients.raw(Packets.connect("allows-aliases").v5()
                    .properties(new Properties().twoByte(TOPIC_ALIAS_MAXIMUM, 2)));
            subscriber.send(Packets.subscribe(true, 1, "ours/#", 0));
            subscriber.expect(Packets.SUBACK);

            Mqtt5BlockingClient publisher = clients.hivemqConnected("ours-publisher");
            for (String topic : List.of("ours/a", "ours/a", "ours/b", "ours/c", "ours/c", "ours/b")) {
                publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8(topic)).send();
            }

            List<String> wire = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Packet publish = subscriber.expect(Packets.PUBLISH);
                wire.add(publish.topic() + "|" + publish.property(TOPIC_ALIAS) + "|" + publish.payloadText());
            }
            assertThat(wire).containsExactly(
                    "ours/a|1|ours/a",
                    "|1|ours/a",
                    "ours/b|2|ours/b",
                    "ours/c|null|ours/c", // no alias left: the topic in full
                    "ours/c|null|ours/c",
                    "|2|ours/b");
        }

        @Test
        void noAliasGoesToAClientThatAllowsNone() {
            RawMqttClient subscriber = clients.raw(Packets.connect("allows-no-aliases").v5());
            subscriber.send(Packets.subscribe(true, 1, "plain/#", 0));
            subscriber.expect(Packets.SUBACK);

            Mqtt5BlockingClient publisher = clients.hivemqConnected("plain-publisher");
            publisher.publishWith().topic("plain/t").payload(utf8("1")).send();
            publisher.publishWith().topic("plain/t").payload(utf8("2")).send();

            for (int i = 0; i < 2; i++) {
                Packet publish = subscriber.expect(Packets.PUBLISH);
                assertThat(publish.topic()).isEqualTo("plain/t");
                assertThat(publish.properties()).doesNotContainKey(TOPIC_ALIAS);
            }
        }

        @Test
        void aHiveMqClientThatAllowsAliasesReadsOurs() {
            Mqtt5BlockingClient subscriber = clients.hivemq("hivemq-allows-aliases");
            subscriber.connectWith().restrictions().topicAliasMaximum(4).applyRestrictions().send();
            Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
            subscriber.subscribeWith().topicFilter("hivemq-aliases/t").qos(MqttQos.AT_LEAST_ONCE).send();

            Mqtt5BlockingClient publisher = clients.hivemqConnected("hivemq-aliases-publisher");
            for (int i = 0; i < 3; i++) {
                publisher.publishWith().topic("hivemq-aliases/t").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("m" + i)).send();
            }

            for (int i = 0; i < 3; i++) {
                assertThat(next(received).getTopic().toString()).isEqualTo("hivemq-aliases/t");
            }
        }
    }
}
