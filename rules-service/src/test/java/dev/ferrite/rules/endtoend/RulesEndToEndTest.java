package dev.ferrite.rules.endtoend;

import static dev.ferrite.rules.testing.MqttClients.next;
import static dev.ferrite.rules.testing.MqttClients.publish;
import static dev.ferrite.rules.testing.RulesHttp.json;
import static dev.ferrite.rules.testing.RulesHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import dev.ferrite.rules.testing.Eventually;
import dev.ferrite.rules.testing.GatewayUnderTest;
import dev.ferrite.rules.testing.MqttClients;
import dev.ferrite.rules.testing.MqttClients.Received;
import dev.ferrite.rules.testing.RulesHttp;
import dev.ferrite.rules.testing.RulesServiceUnderTest;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The real gateway and the real rules-service, each on free ports, with real Paho devices:
 * traffic goes device, gateway, rules-service (shared subscription), gateway, subscriber.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesEndToEndTest {

    private GatewayUnderTest gateway;
    private RulesServiceUnderTest rules;
    private RulesHttp admin;
    private final List<MqttClient> clients = new ArrayList<>();

    @BeforeAll
    void start() {
        gateway = GatewayUnderTest.start();
        rules = RulesServiceUnderTest.start(gateway.mqttPort());
        admin = rules.admin();
        Eventually.within(Duration.ofSeconds(30), () -> rules.bus().isConnected());
    }

    @AfterAll
    void stop() {
        rules.close();
        gateway.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MqttClients::close);
        clients.clear();
        for (JsonNode rule : json(admin.get("/api/v5/rules")).path("data")) {
            admin.delete("/api/v5/rules/" + rule.path("id").asString());
        }
    }

    @Test
    void aRuleWithWhereFiltersTheTrafficAndRepublishDeliversTheTransformedPayload() {
        create("hot", "SELECT payload.device AS device, payload.temp AS t FROM \"sensors/+/data\" WHERE payload.temp > 30",
                "[{'function': 'republish', 'args': {'topic': 'alerts/${device}', 'qos': 1,"
                        + " 'payload': '{\\'device\\': \\'${device}\\', \\'celsius\\': ${t}}'}}]");
        rules.awaitSubscribed("sensors/+/data");
        MqttClient subscriber = client("dashboard");
        BlockingQueue<Received> alerts = MqttClients.subscribe(subscriber, "alerts/#", 1);
        MqttClient device = client("sensor-1");

        publish(device, "sensors/s1/data", "{\"device\": \"s1\", \"temp\": 31}", 1);
        publish(device, "sensors/s2/data", "{\"device\": \"s2\", \"temp\": 20}", 1);
        publish(device, "sensors/s3/data", "{\"device\": \"s3\", \"temp\": 35}", 1);
        publish(device, "other/s4/data", "{\"device\": \"s4\", \"temp\": 99}", 1);

        Received first = next(alerts);
        Received second = next(alerts);
        assertThat(first.topic()).isEqualTo("alerts/s1");
        assertThat(first.payload()).isEqualTo("{\"device\": \"s1\", \"celsius\": 31}");
        assertThat(first.message().getQos()).isEqualTo(1);
        assertThat(second.topic()).isEqualTo("alerts/s3");
        assertThat(second.payload()).isEqualTo("{\"device\": \"s3\", \"celsius\": 35}");

        Map<String, Object> metrics = settledMetrics("hot", 3);
        assertThat(metrics).containsEntry("matched", 3).containsEntry("passed", 2).containsEntry("failed", 1)
                .containsEntry("failed.exception", 0).containsEntry("failed.no_result", 1)
                .containsEntry("actions.total", 2).containsEntry("actions.success", 2).containsEntry("actions.failed", 0);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aWildcardRepublishTopicIsRefusedWhenSavedAndWhenRendered() {
        HttpResponse<String> refused = admin.post("/api/v5/rules", rule("wild", "SELECT * FROM \"in/#\"",
                "[{'function': 'republish', 'args': {'topic': 'out/+/x'}}]"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("detail").asString()).contains("wildcard");

        create("render", "SELECT payload.where AS where, payload.n AS n FROM \"in/#\"",
                "[{'function': 'republish', 'args': {'topic': 'out/${where}', 'payload': '${n}'}}]");
        rules.awaitSubscribed("in/#");
        MqttClient subscriber = client("watcher");
        BlockingQueue<Received> out = MqttClients.subscribe(subscriber, "out/#", 1);
        MqttClient device = client("d-wild");

        publish(device, "in/1", "{\"where\": \"a/+\", \"n\": 1}", 1);
        publish(device, "in/2", "{\"where\": \"#\", \"n\": 2}", 1);
        publish(device, "in/3", "{\"where\": \"\", \"n\": 3}", 1);
        publish(device, "in/4", "{\"where\": \"ok\", \"n\": 4}", 1);

        Received delivered = next(out);
        assertThat(delivered.topic()).isEqualTo("out/ok");
        assertThat(delivered.payload()).isEqualTo("4");
        Map<String, Object> metrics = settledMetrics("render", 4);
        assertThat(metrics).containsEntry("passed", 4).containsEntry("actions.total", 4)
                .containsEntry("actions.failed", 3).containsEntry("actions.success", 1);
        assertThat(out).isEmpty();
    }

    @Test
    void metricsMatchTheTrafficExactlyAndARuleThatThrowsMovesOn() {
        // 100 / payload.d throws on d = 0 and on a payload that is not JSON; d < 0 is filtered out.
        create("ratio", "SELECT 100 / payload.d AS r FROM \"ratio/#\" WHERE payload.d > 0 OR payload.d = 0",
                "[{'function': 'republish', 'args': {'topic': 'ratio-out', 'payload': '${r}'}}, {'function': 'console'}]");
        rules.awaitSubscribed("ratio/#");
        BlockingQueue<Received> out = MqttClients.subscribe(client("ratio-watcher"), "ratio-out", 1);
        MqttClient device = client("d-ratio");

        int expectedPassed = 0;
        int expectedExceptions = 0;
        int expectedNoResult = 0;
        for (int i = 0; i < 60; i++) {
            int d = i % 4 - 1;
            if (i % 10 == 9) {
                publish(device, "ratio/" + i, "not json", 1);
                expectedExceptions++;
            } else {
                publish(device, "ratio/" + i, "{\"d\": " + d + "}", 1);
                if (d < 0) {
                    expectedNoResult++;
                } else if (d == 0) {
                    expectedExceptions++;
                } else {
                    expectedPassed++;
                }
            }
        }
        publish(device, "ratio/last", "{\"d\": 50}", 1);
        expectedPassed++;

        List<String> received = new ArrayList<>();
        String last;
        do {
            last = next(out).payload();
            received.add(last);
            // '/' always gives a float, as in EMQX: 100 / 50 is 2.0.
        } while (Double.parseDouble(last) != 2.0);
        assertThat(received).hasSize(expectedPassed);

        Map<String, Object> metrics = settledMetrics("ratio", 61);
        assertThat(metrics).containsEntry("matched", 61).containsEntry("passed", expectedPassed)
                .containsEntry("failed", expectedExceptions + expectedNoResult)
                .containsEntry("failed.exception", expectedExceptions).containsEntry("failed.no_result", expectedNoResult)
                .containsEntry("actions.total", 2 * expectedPassed).containsEntry("actions.success", 2 * expectedPassed)
                .containsEntry("actions.failed", 0);
        String prometheus = RulesHttp.anonymous(rules.restPort()).get("/api/v5/prometheus/stats").body();
        assertThat(prometheus).contains("ferrite_rule_matched_total{rule_id=\"ratio\"} 61.0")
                .contains("ferrite_rule_failed_exception_total{rule_id=\"ratio\"} " + expectedExceptions + ".0")
                .contains("ferrite_rule_matched_rate{rule_id=\"ratio\"}");

        assertThat(admin.put("/api/v5/rules/ratio/metrics/reset").statusCode()).isEqualTo(204);
        assertThat(metrics("ratio")).containsEntry("matched", 0).containsEntry("actions.total", 0);
    }

    @Test
    void subscriptionsFollowTheEnabledRules() {
        create("follow", "SELECT * FROM \"follow/+\", \"$events/client_connected\"", "[]");
        rules.awaitSubscribed("follow/+", "$events/client_connected");

        assertThat(admin.put("/api/v5/rules/follow", "{\"enable\": false}").statusCode()).isEqualTo(200);
        assertThat(rules.bus().subscribedFilters()).doesNotContain("follow/+", "$events/client_connected");
        publish(client("d-follow"), "follow/1", "{}", 1);

        assertThat(admin.put("/api/v5/rules/follow", jsonOf("{'enable': true, 'sql': 'SELECT * FROM \\'follow/#\\''}"))
                .statusCode()).isEqualTo(200);
        assertThat(rules.bus().subscribedFilters()).contains("follow/#").doesNotContain("follow/+");
        publish(clients.get(0), "follow/2", "{}", 1);
        Eventually.within(Duration.ofSeconds(20), () -> ((Number) metrics("follow").get("matched")).intValue() == 1);

        admin.delete("/api/v5/rules/follow");
        assertThat(rules.bus().subscribedFilters()).doesNotContain("follow/#");
    }

    @Test
    void aPubSubActionHandsTheRowToTheBridgeTopicAtQos1() {
        create("to-bridge", "SELECT payload.v AS v, topic FROM \"meter/#\"", "['pubsub:billing']");
        rules.awaitSubscribed("meter/#");
        BlockingQueue<Received> bridge = MqttClients.subscribe(MqttClients.internal(gateway.mqttUri()),
                "$internal/bridge/pubsub/billing", 1);

        publish(client("meter-1"), "meter/1", "{\"v\": 7}", 1);

        Received handed = next(bridge);
        assertThat(handed.message().getQos()).isEqualTo(1);
        assertThat(parse(handed.payload())).isEqualTo(Map.of("v", 7, "topic", "meter/1"));
    }

    @Test
    void userPropertiesOfTheRowBecomeThoseOfTheRepublishedMessage() {
        create("props", "SELECT payload, pub_props.'User-Property' AS user_properties FROM \"props/in\"",
                "[{'function': 'republish', 'args': {'topic': 'props/out', 'payload': '${payload}'}}]");
        rules.awaitSubscribed("props/in");
        BlockingQueue<Received> out = MqttClients.subscribe(client("props-watcher"), "props/out", 1);
        MqttClient device = client("props-device");
        org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(
                "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        message.setQos(1);
        org.eclipse.paho.mqttv5.common.packet.MqttProperties properties = new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
        properties.setUserProperties(List.of(new UserProperty("site", "lyon")));
        message.setProperties(properties);
        try {
            device.publish("props/in", message);
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            throw new AssertionError(e);
        }

        Received republished = next(out);
        assertThat(republished.payload()).isEqualTo("hello");
        assertThat(republished.message().getProperties().getUserProperties())
                .extracting(UserProperty::getKey, UserProperty::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("site", "lyon"));
    }

    private Map<String, Object> settledMetrics(String ruleId, int matched) {
        Eventually.within(Duration.ofSeconds(20), () -> {
            Map<String, Object> figures = metrics(ruleId);
            return ((Number) figures.get("matched")).intValue() == matched
                    && ((Number) figures.get("actions.total")).intValue()
                            == ((Number) figures.get("passed")).intValue() * actionsOf(ruleId);
        });
        return metrics(ruleId);
    }

    private int actionsOf(String ruleId) {
        return json(admin.get("/api/v5/rules/" + ruleId)).path("actions").size();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metrics(String ruleId) {
        HttpResponse<String> response = admin.get("/api/v5/rules/" + ruleId + "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return (Map<String, Object>) parse(response.body()).get("metrics");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(text, Map.class);
    }

    private void create(String id, String sql, String actions) {
        HttpResponse<String> created = admin.post("/api/v5/rules", rule(id, sql, actions));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private MqttClient client(String clientId) {
        MqttClient client = MqttClients.device(gateway.mqttUri(), clientId);
        clients.add(client);
        return client;
    }

    private static String rule(String id, String sql, String actions) {
        return "{\"id\": \"" + id + "\", \"sql\": \"" + sql.replace("\"", "\\\"") + "\", \"actions\": "
                + jsonOf(actions) + "}";
    }
}
