package dev.ferrite.rules.endtoend;

import static dev.ferrite.rules.endtoend.EndToEndRig.parse;
import static dev.ferrite.rules.testing.MqttClients.next;
import static dev.ferrite.rules.testing.MqttClients.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.BlockingQueue;

import dev.ferrite.rules.testing.MqttClients;
import dev.ferrite.rules.testing.MqttClients.Received;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rules on the gateway's {@code $events/...} topics, end to end: the gateway publishes each
 * event as JSON with EMQX's field names, rules-service (the internal principal) reads it through
 * its shared subscription, and a rule republishes what it selected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayEventsEndToEndTest {

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
    void aClientConnectedRuleFiresWithTheClientsFields() throws MqttException {
        rig.create("connected", "SELECT clientid, username, keepalive, proto_name, proto_ver, clean_start, peername,"
                + " connected_at, node FROM \"$events/client_connected\" WHERE clientid = 'ev-device'",
                "[{'function': 'republish', 'args': {'topic': 'seen/${clientid}', 'qos': 1}}]");
        rig.rules.awaitSubscribed("$events/client_connected");
        BlockingQueue<Received> seen = MqttClients.subscribe(rig.device("ev-watcher"), "seen/#", 1);

        MqttClient device = new MqttClient(rig.gateway.mqttUri(), "ev-device", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("bob");
        options.setKeepAliveInterval(42);
        options.setCleanStart(true);
        long before = System.currentTimeMillis();
        device.connect(options);

        Received event = next(seen);
        assertThat(event.topic()).isEqualTo("seen/ev-device");
        Map<String, Object> fields = parse(event.payload());
        assertThat(fields).containsEntry("clientid", "ev-device").containsEntry("username", "bob")
                .containsEntry("keepalive", 42).containsEntry("proto_name", "MQTT").containsEntry("proto_ver", 5)
                .containsEntry("clean_start", true);
        assertThat((String) fields.get("peername")).startsWith("127.0.0.1:");
        assertThat(((Number) fields.get("connected_at")).longValue()).isGreaterThanOrEqualTo(before);
        assertThat((String) fields.get("node")).isNotBlank();
        assertThat(rig.matched("connected")).isGreaterThanOrEqualTo(1);
        device.disconnect();
        device.close();
    }

    @Test
    void aMessageDeliveredRuleFiresWithTheSenderTheReceiverAndTheMessage() {
        rig.create("delivered", "SELECT clientid, from_clientid, topic, payload, qos FROM \"$events/message_delivered\""
                + " WHERE topic =~ 'orders/#'",
                "[{'function': 'republish', 'args': {'topic': 'delivered/${clientid}', 'qos': 1}}]");
        rig.rules.awaitSubscribed("$events/message_delivered");
        BlockingQueue<Received> delivered = MqttClients.subscribe(rig.device("dl-watcher"), "delivered/#", 1);
        MqttClients.subscribe(rig.device("dl-receiver"), "orders/#", 1);

        publish(rig.device("dl-sender"), "orders/7", "{\"item\": \"bolt\"}", 1);

        Received event = next(delivered);
        assertThat(event.topic()).isEqualTo("delivered/dl-receiver");
        assertThat(parse(event.payload())).containsEntry("clientid", "dl-receiver").containsEntry("from_clientid", "dl-sender")
                .containsEntry("topic", "orders/7").containsEntry("payload", "{\"item\": \"bolt\"}").containsEntry("qos", 1);
    }

    @Test
    void aMessageDeliveredRuleFiresOnceForASharedSubscriptionDeliveryToTheMemberThatGotIt() {
        rig.create("shared", "SELECT clientid, from_clientid, topic, payload FROM \"$events/message_delivered\""
                + " WHERE topic =~ 'jobs/#'",
                "[{'function': 'republish', 'args': {'topic': 'job-delivered', 'qos': 1}}]");
        rig.rules.awaitSubscribed("$events/message_delivered");
        BlockingQueue<Received> delivered = MqttClients.subscribe(rig.device("job-watcher"), "job-delivered", 1);
        BlockingQueue<Received> workerA = MqttClients.subscribeShared(rig.device("worker-a"), "$share/workers/jobs/#", 1);
        BlockingQueue<Received> workerB = MqttClients.subscribeShared(rig.device("worker-b"), "$share/workers/jobs/#", 1);

        publish(rig.device("job-sender"), "jobs/1", "job one", 1);

        Received event = next(delivered);
        Map<String, Object> fields = parse(event.payload());
        String receiver = (String) fields.get("clientid");
        assertThat(receiver).isIn("worker-a", "worker-b");
        assertThat(fields).containsEntry("from_clientid", "job-sender").containsEntry("topic", "jobs/1")
                .containsEntry("payload", "job one");
        BlockingQueue<Received> got = receiver.equals("worker-a") ? workerA : workerB;
        assertThat(next(got).payload()).isEqualTo("job one");
        // Exactly one member got it, so exactly one delivery event: a marker published after it
        // arrives only after any second event would have.
        publish(rig.device("job-sender-2"), "jobs/2", "marker", 1);
        assertThat(parse(next(delivered).payload())).containsEntry("payload", "marker");
        // Every message_delivered event matches the rule (the republished job-delivered ones too);
        // only the two jobs' deliveries pass its WHERE.
        assertThat(rig.passed("shared")).isEqualTo(2);
    }

    @Test
    void devicesCannotReadTheEventsTopics() {
        MqttClient device = rig.device("nosy");
        BlockingQueue<Received> stolen = new java.util.concurrent.LinkedBlockingQueue<>();
        try {
            stolen = MqttClients.subscribe(device, "$events/#", 1);
        } catch (AssertionError refused) {
            // Paho reports a SUBACK failure code as an error: refused, as it should be.
        }
        rig.device("someone");

        // A marker on a topic the device may read arrives after any event would have.
        BlockingQueue<Received> marker = MqttClients.subscribe(device, "marker", 1);
        publish(rig.device("marker-sender"), "marker", "m", 1);
        assertThat(next(marker).payload()).isEqualTo("m");
        assertThat(stolen).isEmpty();
    }
}
