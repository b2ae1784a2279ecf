package dev.ferrite.gateway.management;

import static dev.ferrite.gateway.testing.GatewayHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.Eventually;
import dev.ferrite.gateway.testing.GatewayHttp;
import dev.ferrite.gateway.testing.ManagementTest;
import dev.ferrite.gateway.testing.PahoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Stats and metrics in EMQX's shapes, who may call what, and the OpenAPI document. */
@ManagementTest
class ApiAccessIntegrationTest {

    @Autowired
    MqttListener listener;

    @LocalServerPort
    int port;

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
    void statsAreOneObjectPerNodeOrOneAggregate() throws Exception {
        clients.device("api-stats-1");
        clients.device("api-stats-2");
        GatewayHttp viewer = GatewayHttp.asViewer(port);

        Eventually.check(() -> {
            JsonNode perNode = json(viewer.get("/api/v5/stats"));
            assertThat(perNode).hasSize(1);
            assertThat(perNode.get(0).path("node").asString()).isEqualTo(ManagementTest.NODE);
            assertThat(perNode.get(0).path("live_connections.count").asLong()).isEqualTo(2);
        });
        JsonNode aggregate = json(viewer.get("/api/v5/stats?aggregate=true"));
        assertThat(aggregate.has("node")).isFalse();
        for (String key : new String[] {"connections.count", "connections.max", "live_connections.count",
                "live_connections.max", "sessions.count", "sessions.max", "subscriptions.count", "subscriptions.max",
                "subscriptions.shared.count", "subscriptions.shared.max", "topics.count", "topics.max", "retained.count",
                "retained.max"}) {
            assertThat(aggregate.has(key)).as(key).isTrue();
        }
        assertThat(aggregate.path("live_connections.max").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(aggregate.path("retained.count").asLong()).as("the $SYS topics are retained").isPositive();
    }

    @Test
    void metricsCarryEmqxsNames() {
        JsonNode perNode = json(GatewayHttp.asViewer(port).get("/api/v5/metrics"));

        assertThat(perNode.get(0).path("node").asString()).isEqualTo(ManagementTest.NODE);
        for (String key : new String[] {"bytes.received", "bytes.sent", "packets.received", "packets.sent",
                "packets.connack.sent", "packets.publish.received", "messages.received", "messages.sent",
                "messages.qos0.received", "messages.qos1.sent", "messages.qos2.received", "messages.publish",
                "messages.dropped", "messages.dropped.no_subscribers", "messages.delivered", "messages.acked",
                "delivery.dropped", "delivery.dropped.queue_full", "delivery.dropped.expired",
                "delivery.dropped.qos0_msg", "delivery.dropped.too_large", "client.connected", "client.disconnected",
                "authentication.failure"}) {
            assertThat(perNode.get(0).has(key)).as(key).isTrue();
        }
    }

    @Test
    void withoutAKeyTheApiAnswers401AndPrometheusStaysOpen() {
        GatewayHttp anonymous = GatewayHttp.anonymous(port);
        for (String path : new String[] {"/api/v5/clients", "/api/v5/subscriptions", "/api/v5/topics", "/api/v5/stats",
                "/api/v5/metrics"}) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        assertThat(anonymous.post("/api/v5/publish", "{\"topic\": \"a\", \"payload\": \"x\"}").statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("/api/v5/prometheus/stats").statusCode()).isEqualTo(200);
    }

    @Test
    void eachRoleMayDoWhatEmqxAllowsIt() {
        GatewayHttp viewer = GatewayHttp.asViewer(port);
        GatewayHttp publisher = GatewayHttp.asPublisher(port);
        String message = "{\"topic\": \"api/roles\", \"payload\": \"x\"}";

        assertThat(viewer.get("/api/v5/clients").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/api/v5/publish", message).statusCode()).isEqualTo(403);
        assertThat(viewer.delete("/api/v5/clients/anyone").statusCode()).isEqualTo(403);
        assertThat(publisher.post("/api/v5/publish", message).statusCode()).isEqualTo(202);
        assertThat(publisher.post("/api/v5/publish/bulk", "[" + message + "]").statusCode()).isEqualTo(202);
        assertThat(publisher.get("/api/v5/clients").statusCode()).isEqualTo(403);
        assertThat(publisher.get("/api/v5/stats").statusCode()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentListsTheManagementEndpoints() {
        JsonNode paths = json(GatewayHttp.anonymous(port).get("/api/v5/openapi.json")).path("paths");

        for (String path : new String[] {"/api/v5/clients", "/api/v5/clients/{clientid}",
                "/api/v5/clients/{clientid}/subscriptions", "/api/v5/subscriptions", "/api/v5/topics",
                "/api/v5/publish", "/api/v5/publish/bulk", "/api/v5/stats", "/api/v5/metrics"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/v5/clients/{clientid}").has("delete")).isTrue();
    }
}
