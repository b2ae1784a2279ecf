package dev.ferrite.rules.endtoend;

import static dev.ferrite.rules.testing.RulesHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ferrite.rules.testing.Eventually;
import dev.ferrite.rules.testing.GatewayUnderTest;
import dev.ferrite.rules.testing.MqttClients;
import dev.ferrite.rules.testing.RulesHttp;
import dev.ferrite.rules.testing.RulesServiceUnderTest;
import org.eclipse.paho.mqttv5.client.MqttClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A gateway and a rules-service connected to it, with the calls end-to-end tests make. */
final class EndToEndRig implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final GatewayUnderTest gateway;
    final RulesServiceUnderTest rules;
    final RulesHttp admin;
    private final List<MqttClient> clients = new ArrayList<>();

    EndToEndRig() {
        gateway = GatewayUnderTest.start();
        rules = RulesServiceUnderTest.start(gateway.mqttPort());
        admin = rules.admin();
        Eventually.within(Duration.ofSeconds(30), () -> rules.bus().isConnected());
    }

    void create(String id, String sql, String actions) {
        HttpResponse<String> created = admin.post("/api/v5/rules", "{\"id\": \"" + id + "\", \"sql\": \""
                + sql.replace("\"", "\\\"") + "\", \"actions\": " + jsonOf(actions) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    MqttClient device(String clientId) {
        MqttClient client = MqttClients.device(gateway.mqttUri(), clientId);
        clients.add(client);
        return client;
    }

    int matched(String ruleId) {
        return metric(ruleId, "matched");
    }

    int passed(String ruleId) {
        return metric(ruleId, "passed");
    }

    private int metric(String ruleId, String name) {
        return RulesHttp.json(admin.get("/api/v5/rules/" + ruleId + "/metrics")).path("metrics").path(name).asInt();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return JSON.readValue(json, Map.class);
    }

    /** Deletes every rule and closes the test's clients, between tests. */
    void reset() {
        clients.forEach(MqttClients::close);
        clients.clear();
        for (JsonNode rule : RulesHttp.json(admin.get("/api/v5/rules")).path("data")) {
            admin.delete("/api/v5/rules/" + rule.path("id").asString());
        }
    }

    @Override
    public void close() {
        reset();
        rules.close();
        gateway.close();
    }
}
