package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.RawMqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

/**
 * Only internal principals (username {@code $internal}, password {@code ferrite.internal-token})
 * may publish or subscribe under {@code $internal/} and {@code $events/} (issue 3, DESIGN.md).
 */
class ReservedTopicsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void aDeviceGetsNotAuthorizedForReservedTopics() {
        RawMqttClient device = clients.raw(Packets.connect("reserved-device").v5());

        device.send(Packets.publish(true, "$internal/bridge/pubsub/x", 1, 1, "x"));
        assertThat(device.expect(Packets.PUBACK).reasonCode()).isEqualTo(0x87);
        device.send(Packets.publish(true, "$events/client_connected", 1, 2, "x"));
        assertThat(device.expect(Packets.PUBACK).reasonCode()).isEqualTo(0x87);
        int packetId = 3;
        for (String filter : List.of("$internal/#", "$events/#", "$share/g/$internal/x", "$events")) {
            device.send(Packets.subscribe(true, packetId++, filter, 1));
            assertThat(device.expect(Packets.SUBACK).reasonCodes()).as(filter).containsExactly(0x87);
        }
    }

    @Test
    void mqtt311_aDeviceSubscriptionToAReservedTopicFails() {
        RawMqttClient device = clients.raw(Packets.connect("reserved-device-311"));

        device.send(Packets.subscribe(false, 1, "$internal/#", 1));

        assertThat(device.expect(Packets.SUBACK).reasonCodes()).containsExactly(0x80);
    }

    @Test
    void theInternalPrincipalMayPublishAndSubscribeThere() throws Exception {
        Mqtt5BlockingClient internal = clients.hivemq("internal-service");
        internal.connectWith().simpleAuth().username("$internal").password(utf8(INTERNAL_TOKEN)).applySimpleAuth().send();
        Mqtt5BlockingClient.Mqtt5Publishes received = internal.publishes(MqttGlobalPublishFilter.ALL);
        assertThat(internal.subscribeWith().topicFilter("$internal/bridge/#").qos(MqttQos.AT_LEAST_ONCE).send()
                .getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        assertThat(internal.subscribeWith().topicFilter("$share/rules/$events/#").qos(MqttQos.AT_LEAST_ONCE).send()
                .getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);

        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("$internal");
        options.setPassword(INTERNAL_TOKEN.toCharArray());
        clients.paho3("internal-publisher", options).publish("$internal/bridge/pubsub/main", utf8("out"), 1, false);

        // The $events subscription also brings this client's own events: skip to the bridge message.
        var message = next(received);
        while (message.getTopic().toString().startsWith("$events/")) {
            message = next(received);
        }
        assertThat(message.getTopic().toString()).isEqualTo("$internal/bridge/pubsub/main");
        assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("out");
    }

    @Test
    void aWrongTokenIsRefusedAtConnect() {
        Mqtt5BlockingClient impostor = clients.hivemq("impostor");

        assertThatThrownBy(() -> impostor.connectWith().simpleAuth().username("$internal").password(utf8("guess"))
                .applySimpleAuth().send())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
    }
}
