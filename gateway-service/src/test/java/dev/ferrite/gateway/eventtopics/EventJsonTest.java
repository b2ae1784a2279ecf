package dev.ferrite.gateway.eventtopics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.testing.GatewayHttp;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the event encoder makes of awkward messages: quotes, binary payloads, hop-by-hop properties. */
class EventJsonTest {

    private final EventJson json = new EventJson("ferrite@unit");

    @Test
    void quotesAndControlCharactersAreEscaped() {
        Message message = Message.of("pub", "a/\"b\"", "line\n\"quoted\"".getBytes(StandardCharsets.UTF_8), 0, false,
                MqttProperties.NO_PROPERTIES, 1_000);

        JsonNode event = GatewayHttp.json(json.messageDropped(message, null, "no_subscribers", 2_000));

        assertThat(event.path("topic").asString()).isEqualTo("a/\"b\"");
        assertThat(event.path("payload").asString()).isEqualTo("line\n\"quoted\"");
        assertThat(event.path("peerhost").isNull()).isTrue();
        assertThat(event.path("timestamp").asLong()).isEqualTo(2_000);
        assertThat(event.path("publish_received_at").asLong()).isEqualTo(1_000);
        assertThat(event.path("node").asString()).isEqualTo("ferrite@unit");
    }

    @Test
    void aBinaryPayloadBecomesTextWithReplacementCharacters() {
        Message message = Message.of("pub", "bin", new byte[] {'o', 'k', (byte) 0xFF}, 1, true,
                MqttProperties.NO_PROPERTIES, 0);

        JsonNode event = GatewayHttp.json(json.messageDropped(message, null, "no_subscribers", 0));

        assertThat(event.path("payload").asString()).isEqualTo("ok\uFFFD");
        assertThat(event.path("flags").path("retain").asBoolean()).isTrue();
    }

    @Test
    void onlyThePublishersOwnPropertiesArePrinted() {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), 30));
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.TOPIC_ALIAS.value(), 3));
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value(), 9));
        properties.add(new MqttProperties.BinaryProperty(MqttPropertyType.CORRELATION_DATA.value(),
                "req-1".getBytes(StandardCharsets.UTF_8)));
        Message message = Message.of("pub", "t", new byte[0], 1, false, properties, 0);

        JsonNode props = GatewayHttp.json(json.messageDropped(message, null, "no_subscribers", 0)).path("pub_props");

        assertThat(props.propertyNames()).containsExactlyInAnyOrder("Message-Expiry-Interval", "Correlation-Data");
        assertThat(props.path("Message-Expiry-Interval").asInt()).isEqualTo(30);
        assertThat(props.path("Correlation-Data").asString()).isEqualTo("req-1");
    }
}
