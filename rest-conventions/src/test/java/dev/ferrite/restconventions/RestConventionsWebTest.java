package dev.ferrite.restconventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.ferrite.restconventions.testapp.ConventionsTestApplication;
import dev.ferrite.restconventions.testapp.SwitchableHealthIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@SpringBootTest(classes = ConventionsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=conventions-test",
        "management.endpoint.health.group.readiness.include=readinessState,downstream"})
class RestConventionsWebTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    SwitchableHealthIndicator downstream;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void restoreHealth() {
        downstream.setUp(true);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void statusIsRunningWithTheServiceNameAndBuildVersion() {
        HttpResponse<String> response = get("/api/v5/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode status = json(response);
        assertThat(status.path("service").asString()).isEqualTo("conventions-test");
        assertThat(status.path("status").asString()).isEqualTo("running");
        assertThat(status.path("version").asString()).isEqualTo(ConventionsTestApplication.VERSION);
        assertThat(status.has("unavailable")).isFalse();
    }

    @Test
    void statusIs503AndNamesTheDependencyThatIsDown() {
        downstream.setUp(false);

        HttpResponse<String> response = get("/api/v5/status");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode status = json(response);
        assertThat(status.path("status").asString()).isEqualTo("unavailable");
        assertThat(status.path("service").asString()).isEqualTo("conventions-test");
        assertThat(status.path("unavailable").valueStream().map(JsonNode::asString)).containsExactly("downstream");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
    }

    @Test
    void statusRecoversWhenTheDependencyComesBack() {
        downstream.setUp(false);
        assertThat(get("/api/v5/status").statusCode()).isEqualTo(503);

        downstream.setUp(true);

        assertThat(get("/api/v5/status").statusCode()).isEqualTo(200);
    }

    @Test
    void statusIs503WhileTheServiceRefusesTraffic() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        HttpResponse<String> response = get("/api/v5/status");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(response).path("status").asString()).isEqualTo("starting");
    }

    @Test
    void aMalformedJsonBodyIsA400ProblemCarryingTheParsersReason() {
        HttpResponse<String> response = postJson("/api/v5/echo", "{\"name\": nope}");

        assertProblem(response, 400);
        JsonNode problem = json(response);
        assertThat(problem.path("title").asString()).isEqualTo("Malformed request body");
        assertThat(problem.path("detail").asString())
                .startsWith("Malformed request body: ")
                .contains("Unrecognized token 'nope'")
                .doesNotContain("\n")
                .doesNotContain("[Source");
    }

    @Test
    void aMissingBodyIsA400Problem() {
        HttpResponse<String> response = postJson("/api/v5/echo", "");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asString()).startsWith("Malformed request body: ");
    }

    @Test
    void anInvalidBodyIsA400ProblemNamingTheField() {
        HttpResponse<String> response = postJson("/api/v5/echo", "{\"name\": \" \", \"count\": 1}");

        assertProblem(response, 400);
        assertThat(json(response).path("title").asString()).isEqualTo("Invalid request");
        assertThat(json(response).path("detail").asString()).startsWith("name: ");
    }

    @Test
    void aWellFormedBodyIsAccepted() {
        HttpResponse<String> response = postJson("/api/v5/echo", "{\"name\": \"hello\", \"count\": 2}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asString()).isEqualTo("hello");
    }

    @Test
    void anUnknownPathIsA404ProblemNamingTheRequest() {
        HttpResponse<String> response = get("/api/v5/no_such_thing");

        assertProblem(response, 404);
        assertThat(json(response).path("title").asString()).isEqualTo("Not Found");
        assertThat(json(response).path("detail").asString()).isEqualTo("No endpoint GET /api/v5/no_such_thing");
        assertThat(json(response).path("instance").asString()).isEqualTo("/api/v5/no_such_thing");
    }

    @Test
    void prometheusStatsServeTheActuatorsTextExposition() {
        HttpResponse<String> response = get("/api/v5/prometheus/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE jvm_").containsPattern("(?m)^jvm_memory_used_bytes\\{");
    }

    @Test
    void theOpenApiDocumentIsOpenApi3AndListsTheStatusPath() {
        HttpResponse<String> response = get("/api/v5/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Ferrite conventions-test");
        assertThat(document.path("info").path("version").asString()).isEqualTo(ConventionsTestApplication.VERSION);
        assertThat(document.path("paths").has("/api/v5/status")).isTrue();
        assertThat(document.path("paths").has("/api/v5/echo")).isTrue();
        assertThat(document.path("components").path("securitySchemes").path("apiKey").path("scheme").asString())
                .isEqualTo("basic");
    }

    @Test
    void theApiDocsPageLeadsToSwaggerUi() throws Exception {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> response = following.send(request("/api/v5/docs").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Swagger UI");
    }

    @Test
    void nodeDescribesThisReplica() {
        HttpResponse<String> response = get("/api/v5/node");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode node = json(response);
        assertThat(node.path("service").asString()).isEqualTo("conventions-test");
        assertThat(node.path("version").asString()).isEqualTo(ConventionsTestApplication.VERSION);
        assertThat(node.path("uptime_seconds").asLong()).isNotNegative();
        assertThat(node.path("heap_used_bytes").asLong()).isPositive();
        assertThat(node.path("started_at").asString()).isNotBlank();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    private HttpResponse<String> postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
