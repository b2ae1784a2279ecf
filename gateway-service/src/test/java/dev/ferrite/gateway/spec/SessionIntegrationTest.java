package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.spec.QosIntegrationTest.persistent;
import static dev.ferrite.gateway.testing.MqttClients.collect;
import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static dev.ferrite.gateway.testing.Packets.Property.SESSION_EXPIRY_INTERVAL;
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
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.Packets.Properties;
import dev.ferrite.gateway.testing.RawMqttClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Sessions that outlive connections: Clean Start / Clean Session, Session Expiry Interval, the
 * Session Present flag, and what an offline session keeps (MQTT 5 3.1.2.4, 3.1.2.11.2, 3.2.2.1.1,
 * 4.1; 3.1.1 3.1.2.4).
 */
class SessionIntegrationTest extends GatewayIntegrationTest {

    @Nested
    class Section_3_1_2_4_CleanStart {

        @Test
        void mqtt5_cleanStartDiscardsTheSessionAndItsSubscriptions() {
            Mqtt5BlockingClient client = clients.hivemq("clean-start-5");
            client.connectWith().cleanStart(false).sessionExpiryInterval(60).send();
            client.subscribeWith().topicFilter("clean5/old").qos(MqttQos.AT_LEAST_ONCE).send();
            client.disconnect();

            Mqtt5ConnAck connAck = client.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
            Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
            client.subscribeWith().topicFilter("clean5/marker").qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5BlockingClient publisher = clients.hivemqConnected("clean-start-5-pub");
            publisher.publishWith().topic("clean5/old").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("old")).send();
            publisher.publishWith().topic("clean5/marker").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("marker")).send();

            assertThat(connAck.isSessionPresent()).isFalse();
            assertThat(next(received).getTopic().toString()).as("the old subscription is gone").isEqualTo("clean5/marker");
        }

        @Test
        void mqtt311_cleanSessionOffKeepsSubscriptionsAndSetsSessionPresent() throws Exception {
            MqttClient client = clients.paho3("clean-session-311", false);
            client.subscribe("clean311/kept", 1);
            client.disconnect();

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            client.setCallback(collect(received));
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            IMqttToken token = client.connectWithResult(options);
            clients.paho3("clean-session-311-pub", true).publish("clean311/kept", utf8("still here"), 1, false);

            assertThat(token.getSessionPresent()).isTrue();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("clean311/kept=still here");
        }

        @Test
        void mqtt311_cleanSessionOnStartsAfresh() throws Exception {
            MqttClient client = clients.paho3("clean-session-on-311", false);
            client.subscribe("clean311on/old", 1);
            client.disconnect();

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            client.setCallback(collect(received));
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            IMqttToken token = client.connectWithResult(options);
            client.subscribe("clean311on/marker", 1);
            MqttClient publisher = clients.paho3("clean-session-on-311-pub", true);
            publisher.publish("clean311on/old", utf8("old"), 1, false);
            publisher.publish("clean311on/marker", utf8("marker"), 1, false);

            assertThat(token.getSessionPresent()).isFalse();
            assertThat(received.poll(10, TimeUnit.SECONDS)).as("the old subscription is gone").isEqualTo("clean311on/marker=marker");
        }
    }

    /** MQTT 5 3.1.2.11.2 Session Expiry Interval and 3.14.2.2.2 its change on DISCONNECT. */
    @Nested
    class Section_3_1_2_11_2_SessionExpiryInterval {

        @Test
        void anExpiredSessionIsGone() throws Exception {
            Mqtt5BlockingClient client = clients.hivemq("expires-soon");
            client.connectWith().cleanStart(true).sessionExpiryInterval(1).send();
            client.subscribeWith().topicFilter("expiring/t").qos(MqttQos.AT_LEAST_ONCE).send();
            client.disconnect();
            assertThat(sessions.find("expires-soon")).as("kept while the interval runs").isPresent();

            clients.awaitNoSession("expires-soon");

            Mqtt5ConnAck connAck = client.connectWith().cleanStart(false).sessionExpiryInterval(1).send();
            assertThat(connAck.isSessionPresent()).isFalse();
            assertThat(clients.session("expires-soon").subscriptions()).isEmpty();
        }

        @Test
        void anIntervalOfZeroEndsTheSessionWithTheConnection() throws Exception {
            Mqtt5BlockingClient client = clients.hivemq("expires-at-once");
            client.connectWith().cleanStart(false).sessionExpiryInterval(0).send();
            client.subscribeWith().topicFilter("at-once/t").send();
            client.disconnect();

            clients.awaitNoSession("expires-at-once");
            assertThat(client.connectWith().cleanStart(false).send().isSessionPresent()).isFalse();
        }

        @Test
        void theConnAckTellsTheIntervalGrantedWhenShorterThanAsked() {
            Mqtt5ConnAck connAck = clients.hivemq("never-expires").connectWith().noSessionExpiry().send();

            assertThat(connAck.getSessionExpiryInterval()).hasValue(7200); // ferrite.gateway.session.expiry-interval-max
        }

        @Test
        void aDisconnectCanShortenTheInterval() throws Exception {
            RawMqttClient client = clients.raw(persistent("shortened-on-disconnect", true));

            client.send(Packets.disconnect(true, 0, new Properties().fourByte(SESSION_EXPIRY_INTERVAL, 0)));

            assertThat(client.isClosedByGateway()).isTrue();
            clients.awaitNoSession("shortened-on-disconnect");
        }

        @Test
        void aDisconnectSettingAnIntervalWhenConnectHadNoneIsAProtocolErrorAndPublishesTheWill() throws Exception {
            Mqtt5BlockingClient watcher = clients.hivemqConnected("expiry-error-watcher");
            Mqtt5BlockingClient.Mqtt5Publishes wills = watcher.publishes(MqttGlobalPublishFilter.ALL);
            watcher.subscribeWith().topicFilter("wills/expiry-error").send();
            RawMqttClient client = clients.raw(Packets.connect("expiry-error").v5().will("wills/expiry-error", "gone", 0, false));

            // MQTT 5 3.14.2.2.2: not a valid DISCONNECT; the server answers with DISCONNECT 0x82.
            client.send(Packets.disconnect(true, 0, new Properties().fourByte(SESSION_EXPIRY_INTERVAL, 60)));

            assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x82);
            assertThat(new String(next(wills).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("gone");
            clients.awaitNoSession("expiry-error");
        }
    }

    /** MQTT 5 4.1: an offline session keeps its subscriptions and the messages they match. */
    @Nested
    class Section_4_1_OfflineSession {

        @Test
        void mqtt5_messagesPublishedWhileAwayArriveOnResumeInOrder() {
            Mqtt5BlockingClient client = clients.hivemq("away-5");
            client.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
            client.subscribeWith().topicFilter("away5/#").qos(MqttQos.EXACTLY_ONCE).send();
            client.disconnect();

            Mqtt5BlockingClient publisher = clients.hivemqConnected("away-5-pub");
            for (MqttQos qos : MqttQos.values()) {
                publisher.publishWith().topic("away5/q" + qos.getCode()).qos(qos).payload(utf8("m" + qos.getCode())).send();
            }

            Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
            Mqtt5ConnAck connAck = client.connectWith().cleanStart(false).sessionExpiryInterval(60).send();
            assertThat(connAck.isSessionPresent()).isTrue();
            for (MqttQos qos : MqttQos.values()) {
                Mqtt5Publish message = next(received);
                assertThat(message.getTopic().toString()).isEqualTo("away5/q" + qos.getCode());
                assertThat(message.getQos()).isEqualTo(qos);
            }
        }

        @Test
        void mqtt311_messagesPublishedWhileAwayArriveOnResume() throws Exception {
            MqttClient client = clients.paho3("away-311", false);
            client.subscribe("away311/t", 2);
            client.disconnect();
            clients.awaitOffline("away-311");

            MqttClient publisher = clients.paho3("away-311-pub", true);
            for (int i = 0; i < 5; i++) {
                publisher.publish("away311/t", utf8("m" + i), i % 3, false);
            }
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            client.setCallback(collect(received));
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            client.connect(options);

            // Paho hands a QoS 2 message over at PUBREL, so the three QoS levels may interleave.
            List<String> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(received.poll(10, TimeUnit.SECONDS));
            }
            assertThat(all).containsExactlyInAnyOrder("away311/t=m0", "away311/t=m1", "away311/t=m2", "away311/t=m3",
                    "away311/t=m4");
        }

        /** MQTT 5 3.3.2.3.3: a queued message whose Message Expiry Interval has passed is not delivered. */
        @Test
        void aQueuedMessageThatExpiredWhileTheClientWasAwayIsNotDelivered() throws Exception {
            Mqtt5BlockingClient client = clients.hivemq("away-expiry");
            client.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
            client.subscribeWith().topicFilter("awayexpiry/#").qos(MqttQos.AT_LEAST_ONCE).send();
            client.disconnect();
            clients.awaitOffline("away-expiry");

            Mqtt5BlockingClient publisher = clients.hivemqConnected("away-expiry-pub");
            publisher.publishWith().topic("awayexpiry/short").qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(1)
                    .payload(utf8("short")).send();
            publisher.publishWith().topic("awayexpiry/long").qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(3600)
                    .payload(utf8("long")).send();
            Thread.sleep(1500); // the short one's interval passes while the client is away

            Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
            client.connectWith().cleanStart(false).sessionExpiryInterval(60).send();

            Mqtt5Publish first = next(received);
            assertThat(first.getTopic().toString()).isEqualTo("awayexpiry/long");
            assertThat(first.getMessageExpiryInterval().orElseThrow()).as("what is left of it").isBetween(3590L, 3599L);
        }

        @Test
        void aTakeoverWithoutCleanStartKeepsTheSession() {
            Mqtt5BlockingClient first = clients.hivemq("kept-by-takeover");
            first.connectWith().cleanStart(true).sessionExpiryInterval(60).send();
            first.subscribeWith().topicFilter("takeover/kept").qos(MqttQos.AT_LEAST_ONCE).send();

            Mqtt5BlockingClient second = clients.hivemq("kept-by-takeover");
            Mqtt5BlockingClient.Mqtt5Publishes received = second.publishes(MqttGlobalPublishFilter.ALL);
            Mqtt5ConnAck connAck = second.connectWith().cleanStart(false).sessionExpiryInterval(60).send();
            clients.hivemqConnected("kept-by-takeover-pub").publishWith().topic("takeover/kept")
                    .qos(MqttQos.AT_LEAST_ONCE).payload(utf8("x")).send();

            assertThat(connAck.isSessionPresent()).isTrue();
            assertThat(next(received).getTopic().toString()).isEqualTo("takeover/kept");
        }
    }
}
