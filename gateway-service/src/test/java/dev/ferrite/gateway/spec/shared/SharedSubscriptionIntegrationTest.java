package dev.ferrite.gateway.spec.shared;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static dev.ferrite.gateway.testing.Packets.Property.SESSION_EXPIRY_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.MqttClients;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.Packets.Properties;
import dev.ferrite.gateway.testing.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shared subscriptions (MQTT 5 4.8.2) with the default strategy,
 * {@code ferrite.gateway.shared-subscription.strategy=round-robin}.
 */
class SharedSubscriptionIntegrationTest extends GatewayIntegrationTest {

    @Test
    void roundRobinGivesEachMessageToOneMemberInTurn() throws Exception {
        ShareGroup group = new ShareGroup(clients, "rr", "shared/rr");
        group.join("rr-a");
        group.join("rr-b");

        group.publish("rr-pub", "m", 6);

        Map<String, List<String>> byMember = group.take(6);
        assertThat(byMember.values()).containsExactlyInAnyOrder(List.of("m1", "m3", "m5"), List.of("m2", "m4", "m6"));
    }

    @Test
    void eachGroupAndEachPlainSubscriberGetsItsOwnCopy() throws Exception {
        ShareGroup first = new ShareGroup(clients, "g1", "shared/copies");
        first.join("copies-g1-a");
        first.join("copies-g1-b");
        ShareGroup second = new ShareGroup(clients, "g2", "shared/copies");
        second.join("copies-g2-a");
        Mqtt5BlockingClient plain = clients.hivemqConnected("copies-plain");
        Mqtt5BlockingClient.Mqtt5Publishes plainReceived = plain.publishes(MqttGlobalPublishFilter.ALL);
        plain.subscribeWith().topicFilter("shared/copies").qos(MqttQos.AT_LEAST_ONCE).send();

        first.publish("copies-pub", "c", 2);

        assertThat(first.take(2).values().stream().flatMap(List::stream)).containsExactlyInAnyOrder("c1", "c2");
        assertThat(second.take(2)).containsOnlyKeys("copies-g2-a");
        assertThat(new String(next(plainReceived).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("c1");
        assertThat(new String(next(plainReceived).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("c2");
    }

    /**
     * MQTT 5 4.8.2: a QoS 1 message a member received but did not acknowledge goes to another
     * member when that member's session ends (expiry 0) or its connection is lost (a kept session).
     */
    @ParameterizedTest(name = "Session Expiry Interval {0}")
    @ValueSource(ints = {0, 60})
    void anUnacknowledgedMessageOfAMemberThatLeavesGoesToAnotherMember(int sessionExpiry) throws Exception {
        String filter = "$share/leavers" + sessionExpiry + "/shared/leaving" + sessionExpiry;
        RawMqttClient leaver = clients.raw(Packets.connect("leaver-" + sessionExpiry).v5().cleanStart(true)
                .properties(new Properties().fourByte(SESSION_EXPIRY_INTERVAL, sessionExpiry)));
        leaver.send(Packets.subscribe(true, 1, filter, 1));
        leaver.expect(Packets.SUBACK);
        Mqtt5BlockingClient stayer = clients.hivemq("stayer-" + sessionExpiry);
        stayer.connect();
        Mqtt5BlockingClient.Mqtt5Publishes stayerReceived = stayer.publishes(MqttGlobalPublishFilter.ALL, true);
        stayer.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5BlockingClient publisher = clients.hivemqConnected("leavers-pub-" + sessionExpiry);
        publisher.publishWith().topic("shared/leaving" + sessionExpiry).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("m1")).send();
        publisher.publishWith().topic("shared/leaving" + sessionExpiry).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("m2")).send();
        String unacknowledged = leaver.expect(Packets.PUBLISH).payloadText(); // and never acknowledged
        leaver.close();

        List<String> stayerGot = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var publish = next(stayerReceived);
            stayerGot.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
            publish.acknowledge();
        }
        assertThat(stayerGot).containsExactlyInAnyOrder("m1", "m2").contains(unacknowledged);
    }

    @Test
    void mqtt311_pahoMembersShareTheLoadToo() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        for (String member : List.of("paho3-member-a", "paho3-member-b")) {
            org.eclipse.paho.client.mqttv3.MqttClient client = clients.paho3(member, true);
            // Paho's per-subscription listeners do not match "$share/..." filters: the client-wide callback does.
            client.setCallback(MqttClients.collect(received, member + ":"));
            client.subscribe("$share/p3/shared/p3", 1);
        }
        org.eclipse.paho.client.mqttv3.MqttClient publisher = clients.paho3("paho3-members-pub", true);
        for (int i = 1; i <= 4; i++) {
            publisher.publish("shared/p3", utf8("m" + i), 1, false);
        }

        List<String> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(received.poll(10, TimeUnit.SECONDS));
        }
        assertThat(got.stream().map(d -> d.substring(d.indexOf('=') + 1))).containsExactlyInAnyOrder("m1", "m2", "m3", "m4");
        assertThat(got.stream().map(d -> d.substring(0, d.indexOf(':'))).distinct()).hasSize(2);
    }
}
