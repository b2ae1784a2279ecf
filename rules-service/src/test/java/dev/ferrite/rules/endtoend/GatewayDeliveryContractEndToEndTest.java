package dev.ferrite.rules.endtoend;

import static dev.ferrite.rules.endtoend.EndToEndRig.parse;
import static dev.ferrite.rules.testing.MqttClients.next;
import static dev.ferrite.rules.testing.MqttClients.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;

import dev.ferrite.rules.testing.Eventually;
import dev.ferrite.rules.testing.MqttClients;
import dev.ferrite.rules.testing.MqttClients.Received;
import dev.ferrite.rules.testing.RulesServiceUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What rules-service needs from the gateway's deliveries to it beyond plain MQTT: the
 * publisher's identity ({@code contracts}' {@code InternalDeliveryProperties}), Subscription
 * Identifiers on shared subscriptions, and the internal-principal check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayDeliveryContractEndToEndTest {

    private EndToEndRig rig;

    @BeforeAll
    void start() {
        rig = new EndToEndRig();
    }

    @AfterAll
    void stop() {
        rig.close();
    }

    @AfterEach
    void reset() {
        rig.reset();
    }

    @Test
    void aRuleSeesWhoPublishedTheMessage() {
        rig.create("who", "SELECT clientid, peerhost, id, publish_received_at FROM \"who/#\"",
                "[{'function': 'republish', 'args': {'topic': 'who-out/${clientid}', 'qos': 1}}]");
        rig.rules.awaitSubscribed("who/#");
        BlockingQueue<Received> out = MqttClients.subscribe(rig.device("who-watcher"), "who-out/#", 1);
        long before = System.currentTimeMillis();

        publish(rig.device("who-device"), "who/1", "x", 1);

        Received received = next(out);
        assertThat(received.topic()).isEqualTo("who-out/who-device");
        assertThat(parse(received.payload())).containsEntry("clientid", "who-device").containsEntry("peerhost", "127.0.0.1");
        assertThat(((Number) parse(received.payload()).get("publish_received_at")).longValue()).isGreaterThanOrEqualTo(before);
        assertThat(received.message().getProperties().getUserProperties())
                .noneMatch(property -> property.getKey().startsWith("ferrite."));
    }

    @Test
    void aMessageMatchingSeveralFiltersRunsEachRuleOnce() {
        rig.create("hash", "SELECT * FROM \"o/#\"", "[]");
        rig.create("plus", "SELECT * FROM \"o/+\", \"o/#\"", "[]");
        rig.rules.awaitSubscribed("o/#", "o/+");

        publish(rig.device("o-device"), "o/1", "x", 1);
        publish(rig.device("o-device-2"), "o/2", "y", 1);

        Eventually.within(Duration.ofSeconds(20), () -> rig.matched("hash") >= 2 && rig.matched("plus") >= 2);
        // The gateway delivers each message twice (once per subscription); each rule ran once per message.
        assertThat(rig.matched("hash")).isEqualTo(2);
        assertThat(rig.matched("plus")).isEqualTo(2);
    }

    @Test
    void withoutTheInternalTokenRulesServiceIsNotLetIn() {
        try (RulesServiceUnderTest intruder = RulesServiceUnderTest.start(rig.gateway.mqttPort(),
                "--ferrite.internal-token=not-the-internal-token-0000")) {
            Eventually.within(Duration.ofSeconds(20), () -> intruder.bus().lastFailure() != null);
            // MQTT 5 CONNACK 0x86: bad user name or password.
            assertThat(intruder.bus().lastFailure().getReasonCode()).isEqualTo(0x86);
            assertThat(intruder.bus().isConnected()).isFalse();
        }
    }
}
