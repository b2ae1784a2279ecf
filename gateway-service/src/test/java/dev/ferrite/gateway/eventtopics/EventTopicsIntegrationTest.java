package dev.ferrite.gateway.eventtopics;

import static dev.ferrite.gateway.testing.PahoClients.bytes;
import static dev.ferrite.gateway.testing.PahoClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.GatewayHttp;
import dev.ferrite.gateway.testing.ManagementTest;
import dev.ferrite.gateway.testing.PahoClients;
import dev.ferrite.gateway.testing.PahoClients.Received;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code $events/...} messages, as rules-service receives them: an internal client subscribes,
 * devices (Paho 5) do things, and each event arrives as JSON with EMQX's field names.
 */
@ManagementTest
class EventTopicsIntegrationTest {

    @Autowired
    MqttListener listener;

    private PahoClients clients;

    @BeforeEach
    void clients() {
        clients = new PahoClients(listener.tcpPort());
    }

    @AfterEach
    void close() throws Exception {
        clients.closeAll();
    }

    @Test
    void aConnectAndADisconnectAreEventsWithTheClientsFields() throws Exception {
        MqttClient rules = clients.internal("rules-connections");
        BlockingQueue<Received> connected = subscribe(rules, "$events/client_connected", 1);
        BlockingQueue<Received> disconnected = subscribe(rules, "$events/client_disconnected", 1);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(60L);
        options.setKeepAliveInterval(30);
        options.setUserName("alice");
        MqttClient device = clients.connect("ev-device-1", options);

        JsonNode event = next(connected, "ev-device-1");
        assertThat(event.path("event").asString()).isEqualTo("client.connected");
        assertThat(event.path("username").asString()).isEqualTo("alice");
        assertThat(event.path("peername").asString()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(event.path("sockname").asString()).isEqualTo("127.0.0.1:" + listener.tcpPort());
        assertThat(event.path("proto_name").asString()).isEqualTo("MQTT");
        assertThat(event.path("proto_ver").asInt()).isEqualTo(5);
        assertThat(event.path("keepalive").asInt()).isEqualTo(30);
        assertThat(event.path("clean_start").asBoolean()).isTrue();
        assertThat(event.path("expiry_interval").asLong()).isEqualTo(60);
        assertThat(event.path("is_bridge").asBoolean()).isFalse();
        assertThat(event.path("connected_at").asLong()).isPositive();
        assertThat(event.path("timestamp").asLong()).isGreaterThanOrEqualTo(event.path("connected_at").asLong());
        assertThat(event.path("node").asString()).isEqualTo(ManagementTest.NODE);
        assertThat(event.has("mountpoint")).isTrue();

        device.disconnect();

        JsonNode gone = next(disconnected, "ev-device-1");
        assertThat(gone.path("event").asString()).isEqualTo("client.disconnected");
        assertThat(gone.path("reason").asString()).isEqualTo("normal");
        assertThat(gone.path("username").asString()).isEqualTo("alice");
        assertThat(gone.path("peername").asString()).isEqualTo(event.path("peername").asString());
        assertThat(gone.path("connected_at").asLong()).isEqualTo(event.path("connected_at").asLong());
        assertThat(gone.path("disconnected_at").asLong()).isGreaterThanOrEqualTo(gone.path("connected_at").asLong());
        assertThat(gone.path("node").asString()).isEqualTo(ManagementTest.NODE);
    }

    @Test
    void subscribingAndUnsubscribingAreEventsWithTheFilterAsWritten() throws Exception {
        MqttClient rules = clients.internal("rules-subscriptions");
        BlockingQueue<Received> subscribed = subscribe(rules, "$events/session_subscribed", 1);
        BlockingQueue<Received> unsubscribed = subscribe(rules, "$events/session_unsubscribed", 1);
        MqttClient device = clients.device("ev-device-2");

        subscribe(device, "$share/g1/plant/+/temp", 1);
        device.unsubscribe("$share/g1/plant/+/temp");

        JsonNode event = next(subscribed, "ev-device-2");
        assertThat(event.path("event").asString()).isEqualTo("session.subscribed");
        assertThat(event.path("topic").asString()).isEqualTo("$share/g1/plant/+/temp");
        assertThat(event.path("qos").asInt()).isEqualTo(1);
        assertThat(event.path("peerhost").asString()).isEqualTo("127.0.0.1");
        assertThat(event.path("peername").asString()).startsWith("127.0.0.1:");
        JsonNode gone = next(unsubscribed, "ev-device-2");
        assertThat(gone.path("event").asString()).isEqualTo("session.unsubscribed");
        assertThat(gone.path("topic").asString()).isEqualTo("$share/g1/plant/+/temp");
    }

    @Test
    void aDeliveryAndItsAcknowledgementAreEventsWithPublisherAndReceiver() throws Exception {
        MqttClient rules = clients.internal("rules-deliveries");
        BlockingQueue<Received> delivered = subscribe(rules, "$events/message_delivered", 1);
        BlockingQueue<Received> acked = subscribe(rules, "$events/message_acked", 1);
        MqttClient receiver = clients.device("ev-receiver");
        BlockingQueue<Received> received = subscribe(receiver, "plant/+/pressure", 1);
        MqttClient publisher = clients.device("ev-publisher");

        MqttMessage message = new MqttMessage(bytes("{\"bar\":1.2}"), 1, false, new MqttProperties());
        message.getProperties().setUserProperties(List.of(new UserProperty("site", "north"), new UserProperty("site", "south")));
        message.getProperties().setContentType("application/json");
        publisher.publish("plant/7/pressure", message);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        JsonNode event = next(delivered, "ev-receiver");
        assertThat(event.path("event").asString()).isEqualTo("message.delivered");
        assertThat(event.path("id").asString()).isNotEmpty();
        assertThat(event.path("from_clientid").asString()).isEqualTo("ev-publisher");
        assertThat(event.path("from_username").isNull()).isTrue();
        assertThat(event.path("username").isNull()).isTrue();
        assertThat(event.path("peerhost").asString()).isEqualTo("127.0.0.1");
        assertThat(event.path("topic").asString()).isEqualTo("plant/7/pressure");
        assertThat(event.path("payload").asString()).isEqualTo("{\"bar\":1.2}");
        assertThat(event.path("qos").asInt()).isEqualTo(1);
        assertThat(event.path("flags").path("retain").asBoolean()).isFalse();
        assertThat(event.path("flags").path("dup").asBoolean()).isFalse();
        assertThat(event.path("pub_props").path("Content-Type").asString()).isEqualTo("application/json");
        assertThat(event.path("pub_props").path("User-Property").path("site").asString()).isEqualTo("south");
        assertThat(event.path("pub_props").path("User-Property-Pairs")).hasSize(2);
        assertThat(event.path("pub_props").path("User-Property-Pairs").get(0).path("value").asString()).isEqualTo("north");
        assertThat(event.path("publish_received_at").asLong()).isPositive();
        assertThat(event.path("node").asString()).isEqualTo(ManagementTest.NODE);

        JsonNode ack = next(acked, "ev-receiver");
        assertThat(ack.path("event").asString()).isEqualTo("message.acked");
        assertThat(ack.path("id").asString()).isEqualTo(event.path("id").asString());
        assertThat(ack.path("from_clientid").asString()).isEqualTo("ev-publisher");
        assertThat(ack.path("topic").asString()).isEqualTo("plant/7/pressure");
    }

    @Test
    void aDeliveryThroughASharedSubscriptionEncodesLikeAnyOther() throws Exception {
        MqttClient rules = clients.internal("rules-shared");
        BlockingQueue<Received> delivered = subscribe(rules, "$events/message_delivered", 1);
        MqttClient member = clients.device("ev-member");
        BlockingQueue<Received> received = PahoClients.subscribeShared(member, "$share/workers/jobs/#", 1);

        clients.device("ev-dispatcher").publish("jobs/42", bytes("run"), 1, false);

        assertThat(received.poll(10, TimeUnit.SECONDS).topic()).isEqualTo("jobs/42");
        JsonNode event = next(delivered, "ev-member");
        assertThat(event.path("topic").asString()).isEqualTo("jobs/42");
        assertThat(event.path("from_clientid").asString()).isEqualTo("ev-dispatcher");
        assertThat(event.path("payload").asString()).isEqualTo("run");
        assertThat(event.path("qos").asInt()).isEqualTo(1);
        assertThat(event.toString()).doesNotContain("$share").doesNotContain("workers");
    }

    @Test
    void aMessageNobodySubscribesToIsDroppedWithReasonNoSubscribers() throws Exception {
        MqttClient rules = clients.internal("rules-dropped");
        BlockingQueue<Received> dropped = subscribe(rules, "$events/message_dropped", 1);

        clients.device("ev-lonely").publish("nobody/listens", bytes("hello?"), 0, false);

        JsonNode event = next(dropped, "ev-lonely");
        assertThat(event.path("event").asString()).isEqualTo("message.dropped");
        assertThat(event.path("reason").asString()).isEqualTo("no_subscribers");
        assertThat(event.path("topic").asString()).isEqualTo("nobody/listens");
        assertThat(event.path("payload").asString()).isEqualTo("hello?");
        assertThat(event.path("qos").asInt()).isZero();
        assertThat(event.path("peerhost").asString()).isEqualTo("127.0.0.1");
        assertThat(event.path("id").asString()).isNotEmpty();
    }

    @Test
    void theOldestDeliveryOfAFullQueueIsDroppedWithReasonQueueFull() throws Exception {
        MqttClient rules = clients.internal("rules-queue");
        BlockingQueue<Received> dropped = subscribe(rules, "$events/delivery_dropped", 1);
        MqttConnectionOptions persistent = new MqttConnectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(30L);
        persistent.setUserName("bob");
        MqttClient away = clients.connect("ev-away", persistent);
        subscribe(away, "full/#", 1);
        away.disconnect();

        MqttClient publisher = clients.device("ev-flood");
        for (int i = 0; i <= ManagementTest.MAX_QUEUED; i++) {
            publisher.publish("full/q", bytes("m" + i), 1, false);
        }

        JsonNode event = next(dropped, "ev-away");
        assertThat(event.path("event").asString()).isEqualTo("delivery.dropped");
        assertThat(event.path("reason").asString()).isEqualTo("queue_full");
        assertThat(event.path("payload").asString()).isEqualTo("m0");
        assertThat(event.path("from_clientid").asString()).isEqualTo("ev-flood");
        assertThat(event.path("username").asString()).isEqualTo("bob");
        assertThat(event.path("topic").asString()).isEqualTo("full/q");
        assertThat(event.path("qos").asInt()).isEqualTo(1);
        assertThat(poll(dropped, "ev-away", 300)).as("only the oldest makes room").isNull();
        endSession("ev-away");
    }

    @Test
    void messagesOnEventAndSysTopicsAreNeverTheSubjectOfEvents() throws Exception {
        MqttClient rules = clients.internal("rules-loop");
        BlockingQueue<Received> delivered = subscribe(rules, "$events/message_delivered", 1);
        BlockingQueue<Received> connected = subscribe(rules, "$events/client_connected", 1);
        BlockingQueue<Received> sys = subscribe(rules, "$SYS/brokers/" + ManagementTest.NODE + "/uptime", 0);
        assertThat(sys.poll(10, TimeUnit.SECONDS)).as("the retained uptime").isNotNull();
        clients.device("ev-trigger");
        next(connected, "ev-trigger");
        MqttClient receiver = clients.device("ev-real-receiver");
        subscribe(receiver, "real/topic", 0);

        clients.device("ev-real-publisher").publish("real/topic", bytes("x"), 0, false);

        // Had the deliveries of the $events and $SYS messages above been events, those would come first.
        JsonNode first = next(delivered, event -> true);
        assertThat(first.path("topic").asString()).isEqualTo("real/topic");
        assertThat(first.path("clientid").asString()).isEqualTo("ev-real-receiver");
    }

    /** The next event about {@code clientId}, skipping events about other clients. */
    private static JsonNode next(BlockingQueue<Received> events, String clientId) throws InterruptedException {
        return next(events, event -> clientId.equals(event.path("clientid").asString()));
    }

    private static JsonNode next(BlockingQueue<Received> events, Predicate<JsonNode> wanted) throws InterruptedException {
        JsonNode event = poll(events, wanted, 10_000);
        if (event == null) {
            throw new AssertionError("no such event arrived");
        }
        return event;
    }

    private static JsonNode poll(BlockingQueue<Received> events, String clientId, long millis)
            throws InterruptedException {
        return poll(events, event -> clientId.equals(event.path("clientid").asString()), millis);
    }

    /** @return null when no wanted event arrives within {@code millis} */
    private static JsonNode poll(BlockingQueue<Received> events, Predicate<JsonNode> wanted, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            Received received = events.poll(left, TimeUnit.MILLISECONDS);
            if (received != null) {
                JsonNode event = GatewayHttp.json(received.message().getPayload());
                if (wanted.test(event)) {
                    return event;
                }
            }
        }
        return null;
    }

    private void endSession(String clientId) {
        // Another connection with a clean start discards the offline session.
        try {
            MqttClient cleaner = clients.device(clientId);
            cleaner.disconnect();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
