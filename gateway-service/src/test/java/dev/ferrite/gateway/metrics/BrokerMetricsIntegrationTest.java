package dev.ferrite.gateway.metrics;

import static dev.ferrite.gateway.testing.PahoClients.bytes;
import static dev.ferrite.gateway.testing.PahoClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.Eventually;
import dev.ferrite.gateway.testing.GatewayHttp;
import dev.ferrite.gateway.testing.ManagementTest;
import dev.ferrite.gateway.testing.PahoClients;
import dev.ferrite.gateway.testing.PahoClients.Received;
import dev.ferrite.gateway.testing.PrometheusScrape;
import dev.ferrite.gateway.testing.RawMqtt;
import dev.ferrite.gateway.testing.TestAuthenticator;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The counters at {@code /api/v5/prometheus/stats} (and their EMQX names at {@code /api/v5/metrics})
 * match the traffic that real clients made, exactly: each test compares a scrape before with one after.
 */
@ManagementTest
class BrokerMetricsIntegrationTest {

    @Autowired
    MqttListener listener;

    @LocalServerPort
    int port;

    private PahoClients clients;
    private GatewayHttp anonymous;
    private GatewayHttp admin;

    @BeforeEach
    void clients() {
        clients = new PahoClients(listener.tcpPort());
        anonymous = GatewayHttp.anonymous(port);
        admin = GatewayHttp.asAdministrator(port);
    }

    @AfterEach
    void close() throws Exception {
        clients.closeAll();
    }

    @Test
    void theBytesAndPacketsOfAConnectionAreCountedExactly() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(anonymous);
        JsonNode metricsBefore = metrics();
        byte[] connect = RawMqtt.connect("m-raw");
        byte[] publish = RawMqtt.publishQos0("m/raw/nobody", "abc");
        byte[] disconnect = RawMqtt.disconnect();

        try (Socket raw = new Socket("127.0.0.1", listener.tcpPort())) {
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write(connect);
            assertThat(raw.getInputStream().readNBytes(4)).containsExactly(0x20, 0x02, 0x00, 0x00);
            raw.getOutputStream().write(publish);
            raw.getOutputStream().write(disconnect);
            assertThat(raw.getInputStream().read()).as("closed after DISCONNECT").isEqualTo(-1);
        }

        Eventually.check(() -> {
            PrometheusScrape after = PrometheusScrape.of(anonymous);
            assertThat(after.delta(before, "ferrite_gateway_received_bytes_total"))
                    .isEqualTo(connect.length + publish.length + disconnect.length);
            assertThat(after.delta(before, "ferrite_gateway_sent_bytes_total")).isEqualTo(4);
            assertThat(after.delta(before, "ferrite_gateway_messages_received_total{qos=\"0\"}")).isEqualTo(1);
            assertThat(after.delta(before, "ferrite_gateway_messages_payload_received_bytes_total{qos=\"0\"}")).isEqualTo(3);
            assertThat(after.delta(before, "ferrite_gateway_messages_published_total")).isEqualTo(1);
            assertThat(after.delta(before, "ferrite_gateway_messages_dropped_total{reason=\"no_subscribers\"}")).isEqualTo(1);
            assertThat(after.delta(before, "ferrite_gateway_clients_connected_total")).isEqualTo(1);
            assertThat(after.delta(before, "ferrite_gateway_clients_disconnected_total")).isEqualTo(1);
        });
        Eventually.check(() -> {
            JsonNode after = metrics();
            assertThat(delta(after, metricsBefore, "bytes.received")).isEqualTo(connect.length + publish.length + 2);
            assertThat(delta(after, metricsBefore, "bytes.sent")).isEqualTo(4);
            assertThat(delta(after, metricsBefore, "packets.received")).isEqualTo(3);
            assertThat(delta(after, metricsBefore, "packets.sent")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "packets.connect.received")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "packets.connack.sent")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "packets.connack.error")).isZero();
            assertThat(delta(after, metricsBefore, "packets.publish.received")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "packets.disconnect.received")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "messages.received")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "messages.qos0.received")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "messages.dropped")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "messages.dropped.no_subscribers")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "client.connected")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "client.disconnected")).isEqualTo(1);
        });
    }

    @Test
    void messagesAreCountedByQosBothWaysWithTheirLatency() throws Exception {
        MqttClient subscriber = clients.device("m-qos-sub");
        BlockingQueue<Received> received = subscribe(subscriber, "m/qos/#", 2);
        MqttClient publisher = clients.device("m-qos-pub");
        PrometheusScrape before = PrometheusScrape.of(anonymous);
        JsonNode metricsBefore = metrics();

        publisher.publish("m/qos/0", bytes("a"), 0, false);
        publisher.publish("m/qos/1", bytes("bb"), 1, false);
        publisher.publish("m/qos/2", bytes("ccc"), 2, false);
        for (int i = 0; i < 3; i++) {
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        }

        Eventually.check(() -> {
            PrometheusScrape after = PrometheusScrape.of(anonymous);
            for (int qos = 0; qos <= 2; qos++) {
                String label = "{qos=\"" + qos + "\"}";
                assertThat(after.delta(before, "ferrite_gateway_messages_received_total" + label)).isEqualTo(1);
                assertThat(after.delta(before, "ferrite_gateway_messages_sent_total" + label)).isEqualTo(1);
                assertThat(after.delta(before, "ferrite_gateway_messages_payload_received_bytes_total" + label))
                        .isEqualTo(qos + 1);
                assertThat(after.delta(before, "ferrite_gateway_messages_payload_sent_bytes_total" + label))
                        .isEqualTo(qos + 1);
            }
            assertThat(after.delta(before, "ferrite_gateway_messages_published_total")).isEqualTo(3);
            assertThat(after.delta(before, "ferrite_gateway_messages_delivered_total")).isEqualTo(3);
            assertThat(after.delta(before, "ferrite_gateway_messages_acked_total")).isEqualTo(2);
            assertThat(after.delta(before, "ferrite_gateway_delivery_latency_seconds_count")).isEqualTo(3);
        });
        Eventually.check(() -> {
            JsonNode after = metrics();
            assertThat(delta(after, metricsBefore, "messages.received")).isEqualTo(3);
            assertThat(delta(after, metricsBefore, "messages.sent")).isEqualTo(3);
            assertThat(delta(after, metricsBefore, "messages.delivered")).isEqualTo(3);
            assertThat(delta(after, metricsBefore, "messages.acked")).isEqualTo(2);
            for (String packet : new String[] {"puback", "pubrec", "pubrel", "pubcomp"}) {
                assertThat(delta(after, metricsBefore, "packets." + packet + ".received")).as(packet).isEqualTo(1);
                assertThat(delta(after, metricsBefore, "packets." + packet + ".sent")).as(packet).isEqualTo(1);
            }
        });
    }

    @Test
    void theGaugesFollowConnectionsSubscriptionsRetainedMessagesAndQueues() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(anonymous);
        MqttClient first = clients.device("m-gauge-1");
        MqttClient second = clients.device("m-gauge-2");
        subscribe(first, "m/gauge/+", 1);
        PahoClients.subscribeShared(second, "$share/m-gauges/m/gauge/#", 1);
        first.publish("m/gauge/retained", bytes("kept"), 1, true);

        Eventually.check(() -> {
            PrometheusScrape after = PrometheusScrape.of(anonymous);
            assertThat(after.delta(before, "ferrite_gateway_connections")).isEqualTo(2);
            assertThat(after.delta(before, "ferrite_gateway_sessions")).isEqualTo(2);
            assertThat(after.delta(before, "ferrite_gateway_subscriptions")).isEqualTo(2);
            assertThat(after.delta(before, "ferrite_gateway_subscriptions_shared")).isEqualTo(1);
            assertThat(after.delta(before, "ferrite_gateway_topics")).isEqualTo(2);
            assertThat(after.delta(before, "ferrite_gateway_retained_messages")).isEqualTo(1);
        });
        first.publish("m/gauge/retained", new byte[0], 1, true);
        Eventually.check(() -> assertThat(PrometheusScrape.of(anonymous)
                .delta(before, "ferrite_gateway_retained_messages")).isZero());
    }

    @Test
    void queuedAndInflightDeliveriesAreGauged() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(anonymous);
        MqttConnectionOptions persistent = new MqttConnectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(30L);
        MqttClient away = clients.connect("m-away", persistent);
        subscribe(away, "m/queue", 1);
        away.disconnect();
        MqttClient publisher = clients.device("m-queue-pub");
        publisher.publish("m/queue", bytes("1"), 1, false);
        publisher.publish("m/queue", bytes("2"), 1, false);

        try (Socket raw = new Socket("127.0.0.1", listener.tcpPort())) {
            raw.setSoTimeout(10_000);
            InputStream in = raw.getInputStream();
            raw.getOutputStream().write(RawMqtt.connect("m-no-acks"));
            assertThat(in.readNBytes(4)).containsExactly(0x20, 0x02, 0x00, 0x00);
            raw.getOutputStream().write(RawMqtt.subscribe(1, "m/inflight", 1));
            assertThat(in.readNBytes(5)).containsExactly(0x90, 0x03, 0x00, 0x01, 0x01);
            publisher.publish("m/inflight", bytes("never acked"), 1, false);
            assertThat(in.read()).as("a QoS 1 PUBLISH").isEqualTo(0x32);

            Eventually.check(() -> {
                PrometheusScrape after = PrometheusScrape.of(anonymous);
                assertThat(after.delta(before, "ferrite_gateway_queued_messages")).isEqualTo(2);
                assertThat(after.delta(before, "ferrite_gateway_inflight_messages")).isEqualTo(1);
            });
        }
        clients.device("m-away").disconnect();
    }

    @Test
    void refusedConnectsAndExceededLimitsAreCountedByReason() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(anonymous);
        JsonNode metricsBefore = metrics();
        MqttConnectionOptions mallory = new MqttConnectionOptions();
        mallory.setUserName(TestAuthenticator.REFUSED_USER);
        mallory.setPassword(bytes("guess"));
        assertThatThrownBy(() -> clients.connect("m-mallory", mallory)).isInstanceOf(MqttException.class);
        MqttClient deep = clients.device("m-deep");
        String tooDeep = "m" + "/l".repeat(128);
        deep.publish(tooDeep, bytes("x"), 1, false); // answered with PUBACK 0x90, which Paho does not raise

        Eventually.check(() -> {
            PrometheusScrape after = PrometheusScrape.of(anonymous);
            assertThat(after.delta(before, "ferrite_gateway_connects_refused_total{reason_code=\"0x86\"}")).isEqualTo(1);
            assertThat(after.delta(before, "ferrite_gateway_limits_exceeded_total{limit=\"max_topic_levels\"}"))
                    .isEqualTo(1);
        });
        Eventually.check(() -> {
            JsonNode after = metrics();
            assertThat(delta(after, metricsBefore, "authentication.failure")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "packets.connack.auth_error")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "packets.connack.error")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "packets.publish.error")).isEqualTo(1);
        });
    }

    @Test
    void aFullQueueCountsAsADroppedDelivery() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(anonymous);
        JsonNode metricsBefore = metrics();
        MqttConnectionOptions persistent = new MqttConnectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(30L);
        MqttClient away = clients.connect("m-full", persistent);
        subscribe(away, "m/full", 1);
        away.disconnect();
        MqttClient publisher = clients.device("m-full-pub");
        for (int i = 0; i <= ManagementTest.MAX_QUEUED; i++) {
            publisher.publish("m/full", bytes("m" + i), 1, false);
        }

        Eventually.check(() -> assertThat(PrometheusScrape.of(anonymous)
                .delta(before, "ferrite_gateway_deliveries_dropped_total{reason=\"queue_full\"}")).isEqualTo(1));
        Eventually.check(() -> {
            JsonNode after = metrics();
            assertThat(delta(after, metricsBefore, "delivery.dropped")).isEqualTo(1);
            assertThat(delta(after, metricsBefore, "delivery.dropped.queue_full")).isEqualTo(1);
        });
        clients.device("m-full").disconnect();
    }

    private JsonNode metrics() {
        return GatewayHttp.json(admin.get("/api/v5/metrics?aggregate=true"));
    }

    private static long delta(JsonNode after, JsonNode before, String name) {
        assertThat(after.has(name)).as(name).isTrue();
        return after.path(name).asLong() - before.path(name).asLong();
    }
}
