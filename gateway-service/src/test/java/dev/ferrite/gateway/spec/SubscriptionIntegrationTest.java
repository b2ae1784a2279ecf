package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static dev.ferrite.gateway.testing.Packets.Property.SUBSCRIPTION_IDENTIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.MqttClients;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.Packets.Properties;
import dev.ferrite.gateway.testing.RawMqttClient;
import dev.ferrite.gateway.testing.RawMqttClient.Packet;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Topic filters and subscription options (MQTT 5 4.7, 3.8.3.1, 3.8.2.1.2, 3.3.4; 3.1.1 4.7). */
class SubscriptionIntegrationTest extends GatewayIntegrationTest {

    /** MQTT 5 4.7.1 and 3.1.1 4.7.1: {@code +} and {@code #}. */
    @Nested
    class Section_4_7_1_Wildcards {

        @Test
        void mqtt311_plusMatchesOneLevelAndHashAnyNumberIncludingTheParent() throws Exception {
            // Raw bytes for '+': Paho's own listener matching drops "wild//temp" before a callback sees it.
            RawMqttClient plus = clients.raw(Packets.connect("wildcards-plus-311"));
            plus.send(Packets.subscribe(false, 1, "wild/+/temp", 0));
            plus.expect(Packets.SUBACK);
            BlockingQueue<String> hash = new LinkedBlockingQueue<>();
            clients.paho3("wildcards-hash-311", true).subscribe("wild/#", 1, (topic, message) -> hash.add(topic));

            MqttClient publisher = clients.paho3("wildcards-311-pub", true);
            for (String topic : List.of("wild", "wild/kitchen/temp", "wild/kitchen/oven/temp", "wild//temp", "wilder/x",
                    "wild/end/temp")) {
                publisher.publish(topic, utf8(topic), 1, false);
            }

            assertThat(drain(hash, "wild/end/temp")).containsExactly("wild", "wild/kitchen/temp", "wild/kitchen/oven/temp",
                    "wild//temp", "wild/end/temp");
            assertThat(List.of(plus.expect(Packets.PUBLISH).topic(), plus.expect(Packets.PUBLISH).topic(),
                    plus.expect(Packets.PUBLISH).topic())).containsExactly("wild/kitchen/temp", "wild//temp", "wild/end/temp");
        }

        @Test
        void mqtt5_anInvalidFilterGetsTopicFilterInvalid() {
            RawMqttClient raw = clients.raw(Packets.connect("invalid-filter-5").v5());

            int packetId = 1;
            for (String invalid : List.of("a/#/b", "a+/b", "a/b#", "$share/group", "$share//x", "$share/g+/x")) {
                raw.send(Packets.subscribe(true, packetId++, invalid, 1));
                assertThat(raw.expect(Packets.SUBACK).reasonCodes()).as(invalid).containsExactly(0x8F);
            }
        }

        @Test
        void mqtt311_anInvalidFilterGetsFailureInTheSuback() {
            RawMqttClient raw = clients.raw(Packets.connect("invalid-filter-311"));

            raw.send(Packets.subscribe(false, 3, "a/#/b", 1));

            Packet subAck = raw.expect(Packets.SUBACK);
            assertThat(subAck.packetId()).isEqualTo(3);
            assertThat(subAck.reasonCodes()).containsExactly(0x80);
        }

        @Test
        void mqtt5_aPublishToATopicWithAWildcardGetsAnErrorDisconnectAndIsClosed() {
            RawMqttClient raw = clients.raw(Packets.connect("publishes-wildcard-5").v5());

            raw.send(Packets.publish(true, "a/+/b", 1, 1, "x"));

            // Netty's decoder refuses the topic before the session sees it: 0x81 rather than 0x90, an error either way.
            assertThat(raw.expectDisconnectAndClose().reasonCode()).isGreaterThanOrEqualTo(0x80);
        }
    }

    /** MQTT 5 4.7.2: topics beginning with {@code $} are not matched by filters beginning with a wildcard. */
    @Nested
    class Section_4_7_2_TopicsBeginningWithDollar {

        @Test
        void leadingWildcardsDoNotMatchDollarTopicsButExplicitFiltersDo() throws Exception {
            Mqtt5BlockingClient wildcard = clients.hivemqConnected("dollar-wildcard");
            Mqtt5BlockingClient.Mqtt5Publishes wildcardReceived = wildcard.publishes(MqttGlobalPublishFilter.ALL);
            wildcard.subscribeWith()
                    .addSubscription().topicFilter("#").retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).applySubscription()
                    .addSubscription().topicFilter("+/status").applySubscription().send();
            Mqtt5BlockingClient explicit = clients.hivemqConnected("dollar-explicit");
            Mqtt5BlockingClient.Mqtt5Publishes explicitReceived = explicit.publishes(MqttGlobalPublishFilter.ALL);
            explicit.subscribeWith().topicFilter("$app/status").send();

            Mqtt5BlockingClient publisher = clients.hivemqConnected("dollar-pub");
            publisher.publishWith().topic("$app/status").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("dollar")).send();
            publisher.publishWith().topic("app/status").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("plain")).send();

            assertThat(next(explicitReceived).getTopic().toString()).isEqualTo("$app/status");
            // "#" sees everything else published meanwhile; up to the plain message, nothing may start with '$'.
            List<String> seenByWildcards = new ArrayList<>();
            while (seenByWildcards.isEmpty() || !seenByWildcards.get(seenByWildcards.size() - 1).equals("app/status")) {
                seenByWildcards.add(next(wildcardReceived).getTopic().toString());
            }
            assertThat(seenByWildcards).noneMatch(topic -> topic.startsWith("$"));
        }
    }

    /** MQTT 5 3.3.4: overlapping subscriptions of one client give one PUBLISH, at the highest QoS, with every identifier. */
    @Nested
    class Section_3_3_4_OverlappingSubscriptions {

        @Test
        void oneMessageAtTheHighestQosWithAllSubscriptionIdentifiers() {
            RawMqttClient subscriber = clients.raw(Packets.connect("overlapping").v5());
            subscriber.send(Packets.subscribe(true, 1, new Properties().variableByteInteger(SUBSCRIPTION_IDENTIFIER, 5),
                    "overlap/#", 0));
            subscriber.expect(Packets.SUBACK);
            subscriber.send(Packets.subscribe(true, 2, new Properties().variableByteInteger(SUBSCRIPTION_IDENTIFIER, 300),
                    "overlap/+/x", 2));
            subscriber.expect(Packets.SUBACK);

            clients.hivemqConnected("overlapping-pub").publishWith().topic("overlap/a/x").qos(MqttQos.EXACTLY_ONCE)
                    .payload(utf8("once")).send();

            Packet publish = subscriber.expect(Packets.PUBLISH);
            assertThat(publish.qos()).isEqualTo(2);
            assertThat(publish.properties().get(SUBSCRIPTION_IDENTIFIER)).containsExactly(5, 300);
            subscriber.send(Packets.ack(Packets.PUBREC, publish.packetId()));
            subscriber.expect(Packets.PUBREL);
            subscriber.send(Packets.ack(Packets.PUBCOMP, publish.packetId()));
            assertThat(subscriber.pingBarrier()).as("no second copy").isEmpty();
        }

        @Test
        void mqtt311_oneMessageForOverlappingFilters() throws Exception {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient subscriber = clients.paho3("overlapping-311", true);
            subscriber.setCallback(MqttClients.collect(received));
            subscriber.subscribe(new String[] {"over311/#", "over311/+", "over311/t"}, new int[] {1, 1, 1});

            MqttClient publisher = clients.paho3("overlapping-311-pub", true);
            publisher.publish("over311/t", utf8("one"), 1, false);
            publisher.publish("over311/end", utf8("end"), 1, false);

            assertThat(drain(received, "over311/end=end")).containsExactly("over311/t=one", "over311/end=end");
        }
    }

    /** MQTT 5 3.8.3.1 Subscription Options. */
    @Nested
    class Section_3_8_3_1_SubscriptionOptions {

        @Test
        void noLocalKeepsAClientsOwnMessagesFromIt() {
            Mqtt5BlockingClient client = clients.hivemqConnected("no-local");
            Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
            client.subscribeWith().topicFilter("nolocal/t").noLocal(true).qos(MqttQos.AT_LEAST_ONCE).send();
            client.subscribeWith().topicFilter("nolocal/marker").qos(MqttQos.AT_LEAST_ONCE).send();

            // Its own "mine" would come before its own "marker"; the other client's message comes in any order.
            client.publishWith().topic("nolocal/t").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("mine")).send();
            client.publishWith().topic("nolocal/marker").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("marker")).send();
            clients.hivemqConnected("no-local-other").publishWith().topic("nolocal/t").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("theirs")).send();

            assertThat(List.of(text(next(received)), text(next(received)))).containsExactlyInAnyOrder("theirs", "marker");
        }

        /** MQTT 5 3.8.3.1: No Local on a shared subscription is a Protocol Error. */
        @Test
        void noLocalOnASharedSubscriptionIsAProtocolError() {
            RawMqttClient client = clients.raw(Packets.connect("no-local-shared").v5());

            client.send(Packets.subscribe(true, 1, new Properties(), "$share/g/nolocalshared/t", 0x01 | 0x04));

            assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x82);
        }

        @Test
        void retainAsPublishedKeepsTheRetainFlagOnLiveMessages() {
            Mqtt5BlockingClient rap = clients.hivemqConnected("rap-on");
            Mqtt5BlockingClient.Mqtt5Publishes rapReceived = rap.publishes(MqttGlobalPublishFilter.ALL);
            rap.subscribeWith().topicFilter("rap/t").retainAsPublished(true).qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5BlockingClient plain = clients.hivemqConnected("rap-off");
            Mqtt5BlockingClient.Mqtt5Publishes plainReceived = plain.publishes(MqttGlobalPublishFilter.ALL);
            plain.subscribeWith().topicFilter("rap/t").qos(MqttQos.AT_LEAST_ONCE).send();

            Mqtt5BlockingClient publisher = clients.hivemqConnected("rap-pub");
            publisher.publishWith().topic("rap/t").retain(true).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("r")).send();
            publisher.publishWith().topic("rap/t").retain(true).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[0]).send();

            assertThat(next(rapReceived).isRetain()).isTrue();
            assertThat(next(plainReceived).isRetain()).isFalse();
        }

        @Test
        void retainHandlingZeroSendsRetainedMessagesOnEverySubscribe() {
            Mqtt5BlockingClient publisher = clients.hivemqConnected("rh0-pub");
            publisher.publishWith().topic("rh0/t").retain(true).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("kept")).send();

            Mqtt5BlockingClient client = clients.hivemqConnected("rh0");
            Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
            for (int i = 0; i < 2; i++) {
                client.subscribeWith().topicFilter("rh0/#").retainHandling(Mqtt5RetainHandling.SEND)
                        .qos(MqttQos.AT_LEAST_ONCE).send();
                Mqtt5Publish retained = next(received);
                assertThat(retained.isRetain()).isTrue();
                assertThat(text(retained)).isEqualTo("kept");
            }
            publisher.publishWith().topic("rh0/t").retain(true).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[0]).send();
        }

        @Test
        void rawBytes_retainHandlingOneSendsOnlyForANewSubscriptionAndTwoNever() {
            clients.hivemqConnected("rh-raw-pub").publishWith().topic("rhraw/t").retain(true).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("kept")).send();
            RawMqttClient client = clients.raw(Packets.connect("rh-raw").v5());

            client.send(Packets.subscribe(true, 1, new Properties(), "rhraw/+", 0x01 | 1 << 4));
            client.expect(Packets.SUBACK);
            Packet retained = client.expect(Packets.PUBLISH);
            assertThat(retained.retain()).isTrue();
            client.send(Packets.ack(Packets.PUBACK, retained.packetId()));
            client.send(Packets.subscribe(true, 2, new Properties(), "rhraw/+", 0x01 | 1 << 4));
            client.expect(Packets.SUBACK);
            assertThat(client.pingBarrier()).as("Retain Handling 1, existing subscription").isEmpty();
            client.send(Packets.subscribe(true, 3, new Properties(), "rhraw/#", 0x01 | 2 << 4));
            client.expect(Packets.SUBACK);
            assertThat(client.pingBarrier()).as("Retain Handling 2").isEmpty();
        }
    }

    /** MQTT 5 3.8.2.1.2 Subscription Identifier. */
    @Nested
    class Section_3_8_2_1_2_SubscriptionIdentifier {

        @Test
        void eachDeliveryCarriesTheIdentifiersOfTheSubscriptionsItMatched() {
            RawMqttClient subscriber = clients.raw(Packets.connect("sub-ids").v5());
            subscriber.send(Packets.subscribe(true, 1, new Properties().variableByteInteger(SUBSCRIPTION_IDENTIFIER, 1),
                    "ids/a/#", 1));
            subscriber.expect(Packets.SUBACK);
            subscriber.send(Packets.subscribe(true, 2, new Properties().variableByteInteger(SUBSCRIPTION_IDENTIFIER,
                    268_435_455), "ids/+/b", 1));
            subscriber.expect(Packets.SUBACK);
            subscriber.send(Packets.subscribe(true, 3, "ids/c", 1));
            subscriber.expect(Packets.SUBACK);

            Mqtt5BlockingClient publisher = clients.hivemqConnected("sub-ids-pub");
            for (String topic : List.of("ids/a/x", "ids/z/b", "ids/a/b", "ids/c")) {
                publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8(topic)).send();
            }

            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Packet publish = subscriber.expect(Packets.PUBLISH);
                subscriber.send(Packets.ack(Packets.PUBACK, publish.packetId()));
                seen.add(publish.payloadText() + " " + publish.properties().getOrDefault(SUBSCRIPTION_IDENTIFIER, List.of()));
            }
            assertThat(seen).containsExactly("ids/a/x [1]", "ids/z/b [268435455]", "ids/a/b [1, 268435455]", "ids/c []");
        }

        @Test
        void aRetainedMessageCarriesTheIdentifierToo() {
            clients.hivemqConnected("sub-id-retained-pub").publishWith().topic("idretained/t").retain(true)
                    .qos(MqttQos.AT_LEAST_ONCE).payload(utf8("kept")).send();
            RawMqttClient subscriber = clients.raw(Packets.connect("sub-id-retained").v5());

            subscriber.send(Packets.subscribe(true, 1, new Properties().variableByteInteger(SUBSCRIPTION_IDENTIFIER, 42),
                    "idretained/#", 1));
            subscriber.expect(Packets.SUBACK);

            Packet retained = subscriber.expect(Packets.PUBLISH);
            assertThat(retained.retain()).isTrue();
            assertThat(retained.properties().get(SUBSCRIPTION_IDENTIFIER)).containsExactly(42);
        }

        /** MQTT 5 3.8.2.1.2: a Subscription Identifier of 0 is a Protocol Error. */
        @Test
        void anIdentifierOfZeroIsAProtocolError() {
            RawMqttClient client = clients.raw(Packets.connect("sub-id-zero").v5());

            client.send(Packets.subscribe(true, 1, new Properties().variableByteInteger(SUBSCRIPTION_IDENTIFIER, 0),
                    "idzero/t", 1));

            assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x82);
        }

        @Test
        void unsubscribeEndsTheSubscription() {
            Mqtt5BlockingClient client = clients.hivemqConnected("unsubscribes");
            Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
            client.subscribeWith().topicFilter("unsub/t").qos(MqttQos.AT_LEAST_ONCE).send();
            client.subscribeWith().topicFilter("unsub/marker").qos(MqttQos.AT_LEAST_ONCE).send();

            assertThat(client.unsubscribeWith().topicFilter("unsub/t").send().getReasonCodes()).hasSize(1)
                    .allSatisfy(code -> assertThat(code.isError()).isFalse());
            assertThat(client.unsubscribeWith().topicFilter("unsub/never").send().getReasonCodes().get(0).getCode())
                    .as("No subscription existed").isEqualTo(0x11);
            Mqtt5BlockingClient publisher = clients.hivemqConnected("unsubscribes-pub");
            publisher.publishWith().topic("unsub/t").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("gone")).send();
            publisher.publishWith().topic("unsub/marker").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("marker")).send();

            assertThat(text(next(received))).isEqualTo("marker");
        }
    }

    /** Takes strings from the queue up to and including the last one expected, failing if it does not come. */
    static List<String> drain(BlockingQueue<String> queue, String last) throws InterruptedException {
        List<String> taken = new ArrayList<>();
        while (taken.isEmpty() || !taken.get(taken.size() - 1).equals(last)) {
            String next = queue.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("waiting for " + last + " after " + taken).isNotNull();
            taken.add(next);
        }
        return taken;
    }

    static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
