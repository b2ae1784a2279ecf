package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.Packets.Property.ASSIGNED_CLIENT_IDENTIFIER;
import static dev.ferrite.gateway.testing.Packets.Property.REASON_STRING;
import static dev.ferrite.gateway.testing.Packets.Property.RECEIVE_MAXIMUM;
import static dev.ferrite.gateway.testing.Packets.Property.REQUEST_PROBLEM_INFORMATION;
import static dev.ferrite.gateway.testing.Packets.Property.TOPIC_ALIAS;
import static dev.ferrite.gateway.testing.Packets.Property.WILL_DELAY_INTERVAL;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.datatypes.MqttClientIdentifier;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.MqttClients;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.Packets.Properties;
import dev.ferrite.gateway.testing.RawMqttClient;
import dev.ferrite.gateway.testing.RawMqttClient.Packet;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CONNECT and CONNACK: MQTT 5 sections 3.1 and 3.2, MQTT 3.1.1 sections 3.1 and 3.2. */
class ConnectIntegrationTest extends GatewayIntegrationTest {

    @Nested
    class Section_3_1_3_1_ClientIdentifier {

        @Test
        void mqtt5_anEmptyClientIdGetsAnAssignedClientIdentifier() throws Exception {
            Mqtt5BlockingClient client = clients.hivemq("");

            Mqtt5ConnAck connAck = client.connect();

            assertThat(connAck.getAssignedClientIdentifier()).map(MqttClientIdentifier::toString)
                    .hasValueSatisfying(id -> assertThat(id).startsWith("ferrite-"));
            assertThat(clients.session(connAck.getAssignedClientIdentifier().orElseThrow().toString()).connected()).isTrue();
        }

        @Test
        void mqtt311_anEmptyClientIdWithCleanSessionIsAccepted() throws Exception {
            assertThat(clients.paho3("", true).isConnected()).isTrue();

            Packet connAck = clients.rawOpen(Packets.connect("").cleanStart(true)).expect(Packets.CONNACK);
            assertThat(connAck.reasonCode()).isZero();
        }

        @Test
        void mqtt311_anEmptyClientIdWithoutCleanSessionIsRefusedWithIdentifierRejected() {
            RawMqttClient client = clients.rawOpen(Packets.connect("").cleanStart(false));

            assertThat(client.expect(Packets.CONNACK).reasonCode()).isEqualTo(0x02);
            assertThat(client.isClosedByGateway()).isTrue();
        }

        @Test
        void mqtt5_eachAssignedIdentifierIsDifferent() {
            String first = clients.hivemq("").connect().getAssignedClientIdentifier().orElseThrow().toString();
            Packet second = clients.rawOpen(Packets.connect("").v5()).expect(Packets.CONNACK);

            assertThat(second.property(ASSIGNED_CLIENT_IDENTIFIER)).isNotNull().isNotEqualTo(first);
        }
    }

    /** MQTT 5 3.1.4-3 and 3.1.1 3.1.4-2: a second connection with the same client id takes the session over. */
    @Nested
    class Section_3_1_4_SessionTakeover {

        @Test
        void mqtt5_theOldConnectionGetsDisconnectWithSessionTakenOver() {
            RawMqttClient old = clients.raw(Packets.connect("takeover-raw-5").v5());

            clients.hivemq("takeover-raw-5").connect();

            assertThat(old.expectDisconnectAndClose().reasonCode()).isEqualTo(0x8E);
        }

        @Test
        void mqtt5_aHiveMqClientIsToldItsSessionWasTakenOver() throws Exception {
            CompletableFuture<Throwable> cause = new CompletableFuture<>();
            Mqtt5BlockingClient old = clients.hivemq("takeover-hivemq",
                    builder -> builder.addDisconnectedListener(context -> cause.complete(context.getCause())));
            old.connect();

            clients.paho5("takeover-hivemq", new MqttConnectionOptions());

            assertThat(cause.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(Mqtt5DisconnectException.class,
                    e -> assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER));
        }

        @Test
        void mqtt311_theOldConnectionIsClosed() throws Exception {
            RawMqttClient old = clients.raw(Packets.connect("takeover-3"));

            org.eclipse.paho.client.mqttv3.MqttClient newer = clients.paho3("takeover-3", true);

            assertThat(old.isClosedByGateway()).isTrue();
            assertThat(newer.isConnected()).isTrue();
        }
    }

    /** MQTT 5 3.1.2.10 and 3.1.1 3.1.2.10: a client silent for one and a half keep-alive periods is disconnected. */
    @Nested
    class Section_3_1_2_10_KeepAlive {

        @Test
        void aClientThatPingsWithinOneAndAHalfKeepAlivesStaysConnected() throws Exception {
            RawMqttClient client = clients.raw(Packets.connect("keepalive-pinging").keepAlive(2));

            for (int i = 0; i < 2; i++) {
                Thread.sleep(2400); // more than the keep alive, less than one and a half of it
                assertThat(client.pingBarrier()).isEmpty();
            }
        }

        @Test
        void mqtt5_aSilentClientGetsDisconnectWithKeepAliveTimeout() {
            RawMqttClient client = clients.raw(Packets.connect("keepalive-silent-5").v5().keepAlive(1));

            assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x8D);
        }

        @Test
        void mqtt311_aSilentClientIsClosed() {
            RawMqttClient client = clients.raw(Packets.connect("keepalive-silent-3").keepAlive(1));

            assertThat(client.isClosedByGateway()).isTrue();
        }

        @Test
        void aKeepAliveOfZeroTurnsTheMechanismOff() throws Exception {
            RawMqttClient client = clients.raw(Packets.connect("keepalive-off").v5().keepAlive(0));

            Thread.sleep(2000); // nothing can prove "never" but waiting past what a short keep alive would allow
            assertThat(client.pingBarrier()).isEmpty();
        }
    }

    /** MQTT 3.1 (protocol name "MQIsdp", level 3), which the gateway speaks beside 3.1.1 and 5.0. */
    @Nested
    class Mqtt31 {

        @Test
        void aPahoClientSpeakingMqtt31PublishesAndSubscribes() throws Exception {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
            org.eclipse.paho.client.mqttv3.MqttClient client = clients.paho3("speaks-3-1", options);
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            client.setCallback(MqttClients.collect(received));
            client.subscribe("v31/t", 2);

            client.publish("v31/t", utf8("old but fine"), 2, false);

            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("v31/t=old but fine");
        }

        @Test
        void rawBytes_anMqIsdpConnectIsAccepted() {
            Packet connAck = clients.rawOpen(Packets.connect("mqisdp").mqtt31()).expect(Packets.CONNACK);

            assertThat(connAck.reasonCode()).isZero();
        }
    }

    /** MQTT 3.1.1 3.1.0-2 and MQTT 5 3.1-1: a second CONNECT is a Protocol Error. */
    @Test
    void aSecondConnectOnTheSameConnectionIsAProtocolError() {
        RawMqttClient client = clients.raw(Packets.connect("connects-twice").v5());

        client.send(Packets.connect("connects-twice").v5().bytes());

        assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x82);
    }

    /** MQTT 5 3.2.2.2 Connect Reason Code (3.1.1 3.2.2.3 Connect Return code). */
    @Nested
    class Section_3_2_2_2_ConnectReasonCode {

        @Test
        void anUnknownProtocolLevelIsRefusedWithUnacceptableProtocolVersion() {
            RawMqttClient client = clients.rawOpen(Packets.connect("level-6").protocolLevel(6));

            // The gateway cannot know which version's CONNACK such a client reads: 3.1.1's, code 0x01.
            assertThat(client.expect(Packets.CONNACK).reasonCode()).isEqualTo(0x01);
            assertThat(client.isClosedByGateway()).isTrue();
        }

        @Test
        void aReceiveMaximumOfZeroIsAProtocolError() {
            RawMqttClient client = clients.rawOpen(Packets.connect("receive-maximum-0").v5()
                    .properties(new Properties().twoByte(RECEIVE_MAXIMUM, 0)));

            Packet connAck = client.expect(Packets.CONNACK);
            assertThat(connAck.reasonCode()).isEqualTo(0x82);
            assertThat(connAck.property(REASON_STRING)).isEqualTo("Receive Maximum is 0");
            assertThat(client.isClosedByGateway()).isTrue();
        }

        @Test
        void aWillTopicWithAWildcardIsRefusedWithTopicNameInvalid() {
            RawMqttClient client = clients.rawOpen(Packets.connect("bad-will").v5().will("wills/+", "x", 0, false)
                    .willProperties(new Properties().fourByte(WILL_DELAY_INTERVAL, 0)));

            assertThat(client.expect(Packets.CONNACK).reasonCode()).isEqualTo(0x90);
            assertThat(client.isClosedByGateway()).isTrue();
        }

        @Test
        void anAcceptedConnectGetsSuccessWithoutSessionPresentForANewSession() {
            Packet connAck = clients.rawOpen(Packets.connect("fresh-5").v5().cleanStart(false)).expect(Packets.CONNACK);

            assertThat(connAck.reasonCode()).isZero();
            assertThat(connAck.sessionPresent()).isFalse();
        }
    }

    /** MQTT 5 3.1.2.11.6 Request Response Information and 3.2.2.3.15 Response Information. */
    @Nested
    class Section_3_1_2_11_6_RequestResponseInformation {

        @Test
        void aClientThatAsksGetsResponseInformation() throws Exception {
            Mqtt5ConnAck connAck = clients.hivemq("asks-response-info").connectWith()
                    .restrictions().requestResponseInformation(true).applyRestrictions().send();
            assertThat(connAck.getResponseInformation()).map(Object::toString).hasValue("response/asks-response-info");

            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setRequestResponseInfo(true);
            MqttClient paho = clients.closeAfter(new MqttClient(clients.uri(), "paho-asks-response-info", new MemoryPersistence()));
            IMqttToken token = paho.connectWithResult(options);
            assertThat(token.getResponseProperties().getResponseInfo()).isEqualTo("response/paho-asks-response-info");
        }

        @Test
        void aClientThatDoesNotAskGetsNone() {
            assertThat(clients.hivemq("no-response-info").connect().getResponseInformation()).isEmpty();
        }
    }

    /** MQTT 5 3.1.2.11.7 Request Problem Information. */
    @Nested
    class Section_3_1_2_11_7_RequestProblemInformation {

        @Test
        void withoutProblemInformationNoReasonStringGoesOnAPubackOrSuback() {
            RawMqttClient client = clients.raw(Packets.connect("no-problem-info").v5()
                    .properties(new Properties().byteProperty(REQUEST_PROBLEM_INFORMATION, 0)));

            client.send(Packets.publish(true, "$internal/not-for-devices", 1, 1, "x"));
            Packet pubAck = client.expect(Packets.PUBACK);
            client.send(Packets.subscribe(true, 2, "$internal/#", 1));
            Packet subAck = client.expect(Packets.SUBACK);

            assertThat(pubAck.reasonCode()).isEqualTo(0x87);
            assertThat(pubAck.properties()).doesNotContainKey(REASON_STRING);
            assertThat(subAck.reasonCodes()).containsExactly(0x87);
            assertThat(subAck.properties()).doesNotContainKey(REASON_STRING);
        }

        @Test
        void withProblemInformationADisconnectSaysWhy() {
            RawMqttClient client = clients.raw(Packets.connect("problem-info").v5());

            client.send(Packets.publish(true, "t", 0, false, false, 0, new Properties().twoByte(TOPIC_ALIAS, 999),
                    new byte[0]));

            Packet disconnect = client.expectDisconnectAndClose();
            assertThat(disconnect.reasonCode()).isEqualTo(0x94);
            assertThat((String) disconnect.property(REASON_STRING)).contains("topic alias 999");
        }

        @Test
        void withoutProblemInformationADisconnectHasNoReasonString() {
            RawMqttClient client = clients.raw(Packets.connect("no-problem-info-disconnect").v5()
                    .properties(new Properties().byteProperty(REQUEST_PROBLEM_INFORMATION, 0)));

            client.send(Packets.publish(true, "t", 0, false, false, 0, new Properties().twoByte(TOPIC_ALIAS, 999),
                    new byte[0]));

            Packet disconnect = client.expectDisconnectAndClose();
            assertThat(disconnect.reasonCode()).isEqualTo(0x94);
            assertThat(disconnect.properties()).doesNotContainKey(REASON_STRING);
        }
    }
}
