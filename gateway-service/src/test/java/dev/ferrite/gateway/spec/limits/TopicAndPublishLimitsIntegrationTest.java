package dev.ferrite.gateway.spec.limits;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code ferrite.gateway.limits.max-topic-levels}, {@code max-topic-length} (0x90 on PUBLISH, 0x8F
 * on SUBSCRIBE) and {@code max-publish-rate} (a faster client is paused, not refused).
 */
@TestPropertySource(properties = {
        "ferrite.gateway.limits.max-topic-levels=4",
        "ferrite.gateway.limits.max-topic-length=32",
        "ferrite.gateway.limits.max-publish-rate=5"})
@ExtendWith(OutputCaptureExtension.class)
class TopicAndPublishLimitsIntegrationTest extends GatewayIntegrationTest {

    private static final String FOUR_LEVELS = "a/b/c/d";
    private static final String FIVE_LEVELS = "a/b/c/d/e";
    private static final String THIRTY_TWO_BYTES = "x".repeat(32);
    private static final String THIRTY_THREE_BYTES = "x".repeat(31) + "é"; // 'é' takes two bytes in UTF-8

    @Test
    void mqtt5_aPublishPastTheTopicLimitsGetsTopicNameInvalid() {
        RawMqttClient client = clients.raw(Packets.connect("topic-limits-pub").v5());

        int packetId = 1;
        for (String topic : List.of(FOUR_LEVELS, THIRTY_TWO_BYTES, FIVE_LEVELS, THIRTY_THREE_BYTES)) {
            client.send(Packets.publish(true, topic, 1, packetId++, "x"));
        }

        // 0x10: accepted, no subscriber; 0x90: refused.
        assertThat(List.of(client.expect(Packets.PUBACK).reasonCode(), client.expect(Packets.PUBACK).reasonCode(),
                client.expect(Packets.PUBACK).reasonCode(), client.expect(Packets.PUBACK).reasonCode()))
                .containsExactly(0x10, 0x10, 0x90, 0x90);
    }

    @Test
    void aSubscriptionPastTheTopicLimitsGetsTopicFilterInvalid() {
        RawMqttClient v5 = clients.raw(Packets.connect("topic-limits-sub-5").v5());
        RawMqttClient v311 = clients.raw(Packets.connect("topic-limits-sub-311"));

        int packetId = 1;
        for (String filter : List.of("a/b/c/#", THIRTY_TWO_BYTES, "a/b/c/d/#", THIRTY_THREE_BYTES)) {
            v5.send(Packets.subscribe(true, packetId, filter, 1));
            v311.send(Packets.subscribe(false, packetId++, filter, 1));
        }

        for (int[] expected : new int[][] {{1, 1}, {1, 1}, {0x8F, 0x80}, {0x8F, 0x80}}) {
            assertThat(v5.expect(Packets.SUBACK).reasonCodes()).containsExactly(expected[0]);
            assertThat(v311.expect(Packets.SUBACK).reasonCodes()).containsExactly(expected[1]);
        }
    }

    @Test
    void aClientOverThePublishRateIsPausedLoggedAtInfoAndLosesNothing(CapturedOutput output) {
        Mqtt5BlockingClient subscriber = clients.hivemqConnected("rate-sub");
        Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
        subscriber.subscribeWith().topicFilter("rate/t").qos(MqttQos.AT_MOST_ONCE).send();

        Mqtt5BlockingClient publisher = clients.hivemqConnected("rate-fast-pub");
        for (int i = 1; i <= 15; i++) {
            publisher.toAsync().publishWith().topic("rate/t").qos(MqttQos.AT_MOST_ONCE).payload(utf8("m" + i)).send();
        }

        for (int i = 1; i <= 15; i++) {
            assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
        }
        assertThat(publisher.getState().isConnected()).isTrue();
        assertThat(output.getAll().lines().filter(line -> line.contains("Pausing rate-fast-pub")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(" INFO ").contains("max-publish-rate"));
    }
}
