package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static dev.ferrite.gateway.testing.Packets.Property.SESSION_EXPIRY_INTERVAL;
import static dev.ferrite.gateway.testing.Packets.Property.WILL_DELAY_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.Packets.Properties;
import dev.ferrite.gateway.testing.RawMqttClient;
import org.junit.jupiter.api.Test;

/**
 * Will Messages on session takeover, and with their properties (MQTT 5 3.1.2.5, 3.1.3.2, 3.1.4);
 * the other cases (lost connection, keep-alive timeout, DISCONNECT, 0x04, Will Delay) are in
 * WillMessagesIntegrationTest.
 */
class WillIntegrationTest extends GatewayIntegrationTest {

    @Test
    void mqtt5_aTakeoverPublishesTheOldConnectionsWill() {
        Mqtt5BlockingClient.Mqtt5Publishes wills = watch("wills/takeover-5");
        clients.raw(Packets.connect("will-takeover-5").v5().will("wills/takeover-5", "taken over", 1, false));

        clients.hivemqConnected("will-takeover-5");

        assertThat(text(next(wills))).isEqualTo("taken over");
    }

    @Test
    void mqtt311_aTakeoverPublishesTheOldConnectionsWill() {
        Mqtt5BlockingClient.Mqtt5Publishes wills = watch("wills/takeover-311");
        clients.raw(Packets.connect("will-takeover-311").will("wills/takeover-311", "taken over", 1, false));

        clients.raw(Packets.connect("will-takeover-311"));

        assertThat(text(next(wills))).isEqualTo("taken over");
    }

    /** MQTT 5 3.1.3.2.2: a new connection to the session within the Will Delay Interval means no will. */
    @Test
    void aTakeoverResumingTheSessionWithinTheWillDelaySendsNoWill() throws Exception {
        Mqtt5BlockingClient.Mqtt5Publishes wills = watch("wills/delayed-takeover");
        Mqtt5BlockingClient marker = clients.hivemqConnected("will-delayed-takeover-marker");
        clients.raw(Packets.connect("will-delayed-takeover").v5().cleanStart(false)
                .properties(new Properties().fourByte(SESSION_EXPIRY_INTERVAL, 60))
                .will("wills/delayed-takeover", "should not", 0, false)
                .willProperties(new Properties().fourByte(WILL_DELAY_INTERVAL, 1)));

        clients.raw(Packets.connect("will-delayed-takeover").v5().cleanStart(false)
                .properties(new Properties().fourByte(SESSION_EXPIRY_INTERVAL, 60)));
        Thread.sleep(2000); // past the delay: only waiting can show that something was not sent
        marker.publishWith().topic("wills/delayed-takeover").payload(utf8("marker")).send();

        assertThat(text(next(wills))).as("no will before the marker").isEqualTo("marker");
    }

    /** MQTT 5 3.1.2.5 and 3.1.3.2.2: a takeover with Clean Start ends the old session, so its delayed will goes out. */
    @Test
    void aTakeoverWithCleanStartEndsTheSessionAndSendsItsDelayedWill() {
        Mqtt5BlockingClient.Mqtt5Publishes wills = watch("wills/clean-takeover");
        clients.raw(Packets.connect("will-clean-takeover").v5().cleanStart(false)
                .properties(new Properties().fourByte(SESSION_EXPIRY_INTERVAL, 60))
                .will("wills/clean-takeover", "session ended", 0, false)
                .willProperties(new Properties().fourByte(WILL_DELAY_INTERVAL, 3600)));

        clients.raw(Packets.connect("will-clean-takeover").v5().cleanStart(true));

        assertThat(text(next(wills))).isEqualTo("session ended");
    }

    @Test
    void theWillKeepsItsPropertiesRetainFlagAndQos() {
        Mqtt5BlockingClient.Mqtt5Publishes wills = watch("wills/props");
        RawMqttClient device = clients.raw(Packets.connect("will-props").v5()
                .will("wills/props", "{}", 1, true)
                .willProperties(new Properties().byteProperty(0x01, 1).string(0x03, "application/json")
                        .userProperty("why", "lost")));

        device.close();

        Mqtt5Publish will = next(wills);
        assertThat(will.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(will.getContentType()).map(Object::toString).hasValue("application/json");
        assertThat(will.getPayloadFormatIndicator()).isPresent();
        assertThat(will.getUserProperties().asList()).hasSize(1);
        Mqtt5BlockingClient later = clients.hivemqConnected("will-props-later");
        Mqtt5BlockingClient.Mqtt5Publishes retained = later.publishes(MqttGlobalPublishFilter.ALL);
        later.subscribeWith().topicFilter("wills/props").send();
        assertThat(next(retained).isRetain()).as("a retained will is retained").isTrue();
        clients.hivemqConnected("will-props-cleaner").publishWith().topic("wills/props").retain(true).payload(new byte[0])
                .send();
    }

    @Test
    void mosquittoSub_killedAbruptly_hasItsWillPublished() throws Exception {
        Mqtt5BlockingClient.Mqtt5Publishes wills = watch("wills/mosquitto");
        Process sub = clients.mosquitto("mosquitto_sub", "-V", "mqttv311", "-i", "will-mosquitto", "-t", "anything",
                "--will-topic", "wills/mosquitto", "--will-payload", "killed", "--will-qos", "1");
        clients.awaitSubscription("will-mosquitto", "anything");

        sub.destroyForcibly();

        assertThat(text(next(wills))).isEqualTo("killed");
    }

    private Mqtt5BlockingClient.Mqtt5Publishes watch(String topic) {
        Mqtt5BlockingClient watcher = clients.hivemqConnected("watcher-" + topic.replace('/', '-'));
        Mqtt5BlockingClient.Mqtt5Publishes received = watcher.publishes(MqttGlobalPublishFilter.ALL);
        watcher.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        return received;
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
