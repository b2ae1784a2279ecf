package dev.ferrite.gateway.spec.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.MqttClients;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.RawMqttClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** {@code ferrite.gateway.limits.max-connections}: past it, CONNACK 0x97 Quota exceeded (3.1.1: 0x03 Server unavailable). */
@TestPropertySource(properties = "ferrite.gateway.limits.max-connections=2")
class MaxConnectionsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void aConnectionPastTheMaximumIsRefusedUntilOneCloses() throws Exception {
        Mqtt5BlockingClient first = clients.hivemqConnected("max-conn-1");
        clients.paho3("max-conn-2", true);
        MqttClients.await(() -> sessions.connectedCount() == 2, "two connections counted");

        assertThatThrownBy(() -> clients.hivemq("max-conn-3").connect())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5ConnAckReasonCode.QUOTA_EXCEEDED));
        RawMqttClient v311 = clients.rawOpen(Packets.connect("max-conn-311"));
        assertThat(v311.expect(Packets.CONNACK).reasonCode()).isEqualTo(0x03);
        assertThat(v311.isClosedByGateway()).isTrue();

        first.disconnect();
        MqttClients.await(() -> sessions.connectedCount() == 1, "one connection closed");
        assertThat(clients.hivemq("max-conn-3").connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    }
}
