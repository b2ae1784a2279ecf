package dev.ferrite.rules.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.ferrite.contracts.bus.InternalDeliveryProperties;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;

class MessageContextsTest {

    @Test
    void aMessageGetsEmqxsFieldsWithThePublisherTheGatewayReported() {
        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(List.of(
                new UserProperty(InternalDeliveryProperties.CLIENT_ID, "dev-1"),
                new UserProperty(InternalDeliveryProperties.USERNAME, "alice"),
                new UserProperty(InternalDeliveryProperties.PEER_HOST, "10.0.0.7"),
                new UserProperty(InternalDeliveryProperties.MESSAGE_ID, "5F2A"),
                new UserProperty(InternalDeliveryProperties.RECEIVED_AT, "1700000000123"),
                new UserProperty(InternalDeliveryProperties.NODE, "gateway@h1"),
                new UserProperty("site", "lyon")));
        properties.setContentType("application/json");
        MqttMessage message = new MqttMessage("{\"t\":1}".getBytes(StandardCharsets.UTF_8), 1, true, properties);

        Map<String, Object> context = MessageContexts.of("sensors/1", message, "rules@here", 5L);

        assertThat(context).containsEntry("id", "5F2A").containsEntry("clientid", "dev-1")
                .containsEntry("username", "alice").containsEntry("peerhost", "10.0.0.7")
                .containsEntry("payload", "{\"t\":1}").containsEntry("topic", "sensors/1").containsEntry("qos", 1L)
                .containsEntry("flags", Map.of("retain", true, "dup", false))
                .containsEntry("timestamp", 1700000000123L).containsEntry("publish_received_at", 1700000000123L)
                .containsEntry("node", "gateway@h1").containsEntry("event", "message.publish");
        assertThat(context.get("pub_props")).isEqualTo(Map.of(
                "User-Property", Map.of("site", "lyon"),
                "User-Property-Pairs", List.of(Map.of("key", "site", "value", "lyon")),
                "Content-Type", "application/json"));
    }

    @Test
    void withoutTheGatewaysPropertiesThePublisherIsUnknownAndTimesAreLocal() {
        MqttMessage message = new MqttMessage("x".getBytes(StandardCharsets.UTF_8), 0, false, new MqttProperties());

        Map<String, Object> context = MessageContexts.of("t", message, "rules@here", 42L);

        assertThat(context).containsEntry("clientid", null).containsEntry("username", null)
                .containsEntry("peerhost", null).containsEntry("timestamp", 42L).containsEntry("node", "rules@here")
                .containsEntry("pub_props", Map.of());
        assertThat((String) context.get("id")).isNotBlank();
    }

    @Test
    void anEventsPayloadIsItsContext() {
        MqttMessage event = new MqttMessage(
                "{\"event\":\"client.connected\",\"clientid\":\"dev-9\",\"keepalive\":60}".getBytes(StandardCharsets.UTF_8));

        assertThat(MessageContexts.of("$events/client_connected", event, "n", 0L))
                .isEqualTo(Map.of("event", "client.connected", "clientid", "dev-9", "keepalive", 60L));
        assertThatThrownBy(() -> MessageContexts.of("$events/x", new MqttMessage("[1]".getBytes(StandardCharsets.UTF_8)),
                "n", 0L)).isInstanceOf(IllegalArgumentException.class);
    }
}
