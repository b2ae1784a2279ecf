package dev.ferrite.rules.rule;

import static dev.ferrite.rules.testing.RulesHttp.json;
import static dev.ferrite.rules.testing.RulesHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.ferrite.rules.testing.RulesHttp;
import dev.ferrite.rules.testing.RulesServiceUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** {@code /api/v5/rules} and {@code /api/v5/rule_test} over real HTTP, on H2; no gateway is needed for these. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesRestApiIntegrationTest {

    private static final String HOT = rule("hot", "SELECT payload.temp AS t, clientid FROM \"sensors/+/data\""
            + " WHERE payload.temp > 30", "[{'function': 'republish', 'args': {'topic': 'alerts/${clientid}'}},"
            + " {'function': 'console'}, 'pubsub:telemetry']");

    private RulesServiceUnderTest service;
    private RulesHttp admin;

    @BeforeAll
    void start() {
        service = RulesServiceUnderTest.start(1);
        admin = service.admin();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void aRuleIsCreatedReadListedDisabledAndDeletedInEmqxsShape() {
        HttpResponse<String> created = admin.post("/api/v5/rules", rule("crud",
                "SELECT * FROM \"t/#\", \"$events/client_connected\"", "[{'function': 'console'}, 'pubsub:b1']"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rule = json(created);
        assertThat(rule.path("id").asString()).isEqualTo("crud");
        assertThat(rule.path("enable").asBoolean()).isTrue();
        assertThat(rule.path("from").toString()).isEqualTo("[\"t/#\",\"$events/client_connected\"]");
        assertThat(rule.path("actions").toString()).isEqualTo("[{\"function\":\"console\",\"args\":{}},\"pubsub:b1\"]");
        assertThat(rule.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");

        assertThat(json(admin.get("/api/v5/rules/crud")).path("sql").asString()).isEqualTo(rule.path("sql").asString());
        JsonNode page = json(admin.get("/api/v5/rules?like_id=cru"));
        assertThat(page.path("data").size()).isEqualTo(1);
        assertThat(page.path("meta").path("count").asInt()).isEqualTo(1);
        assertThat(page.path("meta").path("hasnext").asBoolean()).isFalse();

        HttpResponse<String> disabled = admin.put("/api/v5/rules/crud", "{\"enable\": false}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json(disabled).path("enable").asBoolean()).isFalse();
        assertThat(json(disabled).path("sql").asString()).isEqualTo(rule.path("sql").asString());
        assertThat(json(admin.get("/api/v5/rules?enable=false")).path("data").toString()).contains("\"crud\"");

        assertThat(admin.delete("/api/v5/rules/crud").statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v5/rules/crud").statusCode()).isEqualTo(404);
        assertThat(admin.delete("/api/v5/rules/crud").statusCode()).isEqualTo(404);
    }

    @Test
    void anIdIsGeneratedWhenAbsentAndADuplicateIdIsRefused() {
        HttpResponse<String> created = admin.post("/api/v5/rules", jsonOf("{'sql': 'SELECT * FROM \\'gen/#\\''}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(id).matches("[0-9a-f]{8}");

        HttpResponse<String> again = admin.post("/api/v5/rules", jsonOf("{'id': '" + id + "', 'sql': 'SELECT * FROM \\'gen/#\\''}"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("detail").asString()).contains("already exists");
    }

    @Test
    void badSqlIs400ProblemJsonWithLineAndColumn() {
        HttpResponse<String> response = admin.post("/api/v5/rules", jsonOf("{'id': 'bad', 'sql': 'SELECT a FROM \\'t\\'\\nWHERE a >'}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("line").asInt()).isEqualTo(2);
        assertThat(problem.path("column").asInt()).isPositive();
        assertThat(admin.get("/api/v5/rules/bad").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownFunctionIsRefusedWhenSaved() {
        HttpResponse<String> response = admin.post("/api/v5/rules", jsonOf("{'sql': 'SELECT no_such_fn(payload) FROM \\'t\\''}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("line").asInt()).isEqualTo(1);
        assertThat(json(response).path("column").asInt()).isEqualTo(8);
    }

    @Test
    void aRepublishTopicWithAWildcardOrAnEmptyLevelIsRefusedWhenSaved() {
        for (String topic : new String[] {"alerts/+", "alerts/#", "alerts//x", "alerts/${clientid}/#"}) {
            HttpResponse<String> response = admin.post("/api/v5/rules", rule("wild",
                    "SELECT * FROM \"t\"", "[{'function': 'republish', 'args': {'topic': '" + topic + "'}}]"));
            assertThat(response.statusCode()).as(topic).isEqualTo(400);
            assertThat(json(response).path("detail").asString()).as(topic).contains("actions[0]").contains("republish topic refused");
        }
        assertThat(admin.get("/api/v5/rules/wild").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownActionsAreRefusedWhenSaved() {
        assertThat(json(admin.post("/api/v5/rules", rule("a1", "SELECT * FROM \"t\"", "[{'function': 'nope'}]")))
                .path("detail").asString()).contains("unknown action function 'nope'");
        assertThat(json(admin.post("/api/v5/rules", rule("a2", "SELECT * FROM \"t\"", "['mqtt:remote']")))
                .path("detail").asString()).contains("unknown bridge type 'mqtt'");
        assertThat(admin.post("/api/v5/rules", rule("a3", "SELECT * FROM \"t\"", "['pubsub']")).statusCode())
                .isEqualTo(400);
        assertThat(admin.post("/api/v5/rules", rule("a4", "SELECT * FROM \"t\"", "[42]")).statusCode()).isEqualTo(400);
    }

    @Test
    void anUpdateIsCheckedLikeACreation() {
        assertThat(admin.post("/api/v5/rules", HOT).statusCode()).isEqualTo(201);

        HttpResponse<String> bad = admin.put("/api/v5/rules/hot", jsonOf("{'sql': 'SELECT FROM'}"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(admin.get("/api/v5/rules/hot")).path("sql").asString()).contains("payload.temp > 30");
        assertThat(admin.put("/api/v5/rules/missing", "{\"enable\": false}").statusCode()).isEqualTo(404);
        admin.delete("/api/v5/rules/hot");
    }

    @Test
    void ruleTestRunsTheSqlOnASampleMessage() {
        HttpResponse<String> passed = admin.post("/api/v5/rule_test", jsonOf("{'sql': 'SELECT payload.temp AS t, clientid"
                + " FROM \\'sensors/+/data\\' WHERE payload.temp > 30', 'context': {'topic': 'sensors/s1/data',"
                + " 'clientid': 'dev-1', 'payload': '{\\'temp\\': 31}'}}"));
        assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
        assertThat(json(passed).path("t").asInt()).isEqualTo(31);
        assertThat(json(passed).path("clientid").asString()).isEqualTo("dev-1");

        HttpResponse<String> filtered = admin.post("/api/v5/rule_test", jsonOf("{'sql': 'SELECT * FROM \\'sensors/+/data\\'"
                + " WHERE payload.temp > 30', 'context': {'topic': 'sensors/s1/data', 'payload': {'temp': 3}}}"));
        assertThat(filtered.statusCode()).isEqualTo(412);
        assertThat(json(filtered).path("code").asString()).isEqualTo("NOT_MATCH");

        HttpResponse<String> otherTopic = admin.post("/api/v5/rule_test", jsonOf("{'sql': 'SELECT * FROM \\'sensors/+/data\\'',"
                + " 'context': {'topic': 'other'}}"));
        assertThat(otherTopic.statusCode()).isEqualTo(412);

        HttpResponse<String> badSql = admin.post("/api/v5/rule_test", jsonOf("{'sql': 'SELEC *', 'context': {}}"));
        assertThat(badSql.statusCode()).isEqualTo(400);
        assertThat(json(badSql).has("line")).isTrue();
    }

    @Test
    void ruleTestRunsTheSqlOnAnEventWithEmqxsDefaultsForWhatIsLeftOut() {
        HttpResponse<String> response = admin.post("/api/v5/rule_test", jsonOf("{'sql': 'SELECT clientid, keepalive"
                + " FROM \\'$events/client_connected\\'', 'context': {'event_type': 'client_connected', 'clientid': 'd7'}}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("clientid").asString()).isEqualTo("d7");
        assertThat(json(response).path("keepalive").asInt()).isEqualTo(60);
    }

    @Test
    void ruleTestRunsNoAction() {
        admin.post("/api/v5/rules", rule("watched", "SELECT * FROM \"w/#\"", "[{'function': 'console'}]"));

        admin.post("/api/v5/rule_test", jsonOf("{'sql': 'SELECT * FROM \\'w/#\\'', 'context': {'topic': 'w/1'}}"));

        assertThat(json(admin.get("/api/v5/rules/watched/metrics")).path("metrics").path("matched").asInt()).isZero();
        admin.delete("/api/v5/rules/watched");
    }

    @Test
    void metricsAreInEmqxsShapeAndCanBeReset() {
        admin.post("/api/v5/rules", rule("m", "SELECT * FROM \"m/#\"", "[]"));

        HttpResponse<String> response = admin.get("/api/v5/rules/m/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("id").asString()).isEqualTo("m");
        for (String name : new String[] {"matched", "passed", "failed", "failed.exception", "failed.no_result",
                "actions.total", "actions.success", "actions.failed", "matched.rate", "matched.rate.max",
                "matched.rate.last5m"}) {
            assertThat(body.path("metrics").has(name)).as(name).isTrue();
        }
        assertThat(body.path("node_metrics").get(0).path("node").asString()).startsWith("rules-service@");
        assertThat(admin.put("/api/v5/rules/m/metrics/reset").statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v5/rules/nope/metrics").statusCode()).isEqualTo(404);
        assertThat(admin.put("/api/v5/rules/nope/metrics/reset").statusCode()).isEqualTo(404);
        admin.delete("/api/v5/rules/m");
    }

    @Test
    void aViewerReadsButCannotChangeAndAnonymousCallersAreRefused() {
        RulesHttp viewer = RulesHttp.asViewer(service.restPort());

        assertThat(viewer.get("/api/v5/rules").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/api/v5/rules", HOT).statusCode()).isEqualTo(403);
        assertThat(RulesHttp.anonymous(service.restPort()).get("/api/v5/rules").statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentListsTheRulesEndpoints() {
        String document = RulesHttp.anonymous(service.restPort()).get("/api/v5/openapi.json").body();

        assertThat(document).contains("/api/v5/rules/{id}/metrics/reset", "/api/v5/rule_test", "/api/v5/rules/{id}");
    }

    private static String rule(String id, String sql, String actions) {
        return "{\"id\": \"" + id + "\", \"sql\": \"" + sql.replace("\"", "\\\"") + "\", \"actions\": "
                + jsonOf(actions) + "}";
    }
}
