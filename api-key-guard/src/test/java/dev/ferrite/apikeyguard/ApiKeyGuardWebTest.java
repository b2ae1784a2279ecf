package dev.ferrite.apikeyguard;

import static dev.ferrite.apikeyguard.GuardHttp.basic;
import static dev.ferrite.apikeyguard.GuardHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.ferrite.apikeyguard.testapp.GuardTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = GuardTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=guard-test",
        "ferrite.api-guard.throttle.max-failures=1000"})
class ApiKeyGuardWebTest {

    private static final String ADMIN = basic("admin-key", "admin-key-secret");
    private static final String VIEWER = basic("viewer-key", "viewer-key-secret");
    private static final String PUBLISHER = basic("publisher-key", "publisher-key-secret");
    private static final String FAILURES = "ferrite.api.authentication.failures";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private GuardHttp http;

    @BeforeEach
    void connect() {
        http = new GuardHttp(port);
    }

    @Test
    void aRequestWithoutCredentialsIsAnsweredWith401AndABasicChallenge() {
        HttpResponse<String> response = http.get("/api/v5/things", null);

        assertUnauthorized(response, "Credentials required: HTTP Basic with an API key and its secret");
        assertThat(json(response).path("instance").asString()).isEqualTo("/api/v5/things");
    }

    @Test
    void aWrongSecretIsAnsweredWith401() {
        HttpResponse<String> response = http.get("/api/v5/things", basic("admin-key", "guess"));

        assertUnauthorized(response, "Wrong API key or secret");
    }

    @Test
    void anUnknownKeyIsAnsweredLikeAWrongSecret() {
        HttpResponse<String> response = http.get("/api/v5/things", basic("nobody", "admin-key-secret"));

        assertUnauthorized(response, "Wrong API key or secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer YWRtaW4ta2V5OmFkbWluLWtleS1zZWNyZXQ=", "Basic %%%", "Basic YWRtaW4ta2V5"})
    void aMalformedAuthorizationHeaderIsAnsweredWith401(String header) {
        HttpResponse<String> response = http.get("/api/v5/things", header);

        assertUnauthorized(response, "The Authorization header must be HTTP Basic with an API key and its secret");
    }

    @Test
    void aDisabledKeyWithTheRightSecretIsToldSo() {
        assertUnauthorized(http.get("/api/v5/things", basic("disabled-key", "disabled-key-secret")),
                "API key is disabled");
        assertUnauthorized(http.get("/api/v5/things", basic("disabled-key", "guess")), "Wrong API key or secret");
    }

    @Test
    void anExpiredKeyWithTheRightSecretIsToldSo() {
        assertUnauthorized(http.get("/api/v5/things", basic("expired-key", "expired-key-secret")),
                "API key has expired");
    }

    @Test
    void anAdministratorMayReadAndWrite() {
        HttpResponse<String> read = http.get("/api/v5/things", ADMIN);
        HttpResponse<String> write = http.postJson("/api/v5/things", "{\"name\":\"three\"}", ADMIN);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("things").get(0).asString()).isEqualTo("one");
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(json(write).path("added").path("name").asString()).isEqualTo("three");
    }

    @Test
    void aViewerMayRead() {
        HttpResponse<String> response = http.get("/api/v5/things", VIEWER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("things").size()).isEqualTo(2);
    }

    @Test
    void aViewerMayNotWrite() {
        HttpResponse<String> response = http.postJson("/api/v5/things", "{\"name\":\"three\"}", VIEWER);

        assertForbidden(response, "POST /api/v5/things");
    }

    @Test
    void aViewerMayNotPublish() {
        assertForbidden(http.postJson("/api/v5/publish", "{\"topic\":\"t\"}", VIEWER), "POST /api/v5/publish");
    }

    @Test
    void aPublisherMayPublish() {
        HttpResponse<String> response = http.postJson("/api/v5/publish", "{\"topic\":\"t\",\"payload\":\"p\"}", PUBLISHER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).isEqualTo("message-1");
    }

    @Test
    void aPublisherMayNotReadOrWriteAnythingElse() {
        assertForbidden(http.get("/api/v5/things", PUBLISHER), "GET /api/v5/things");
        assertForbidden(http.postJson("/api/v5/things", "{}", PUBLISHER), "POST /api/v5/things");
    }

    @Test
    void theStatusIsOpenWithoutCredentials() {
        HttpResponse<String> response = http.get("/api/v5/status", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("running");
        assertThat(json(response).path("service").asString()).isEqualTo("guard-test");
    }

    @Test
    void prometheusStatsAreOpenWithoutCredentials() {
        HttpResponse<String> response = http.get("/api/v5/prometheus/stats", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_");
    }

    @Test
    void theReadinessProbeIsOpenWithoutCredentials() {
        HttpResponse<String> response = http.get("/actuator/health/readiness", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentIsOpenWithoutCredentials() {
        HttpResponse<String> response = http.get("/api/v5/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("paths").has("/api/v5/things")).isTrue();
    }

    @Test
    void aPublicPathDoesNotLookAtBadCredentials() {
        assertThat(http.get("/api/v5/status", basic("admin-key", "guess")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableVerifierIsAnsweredWith503AndRetryAfter() {
        HttpResponse<String> response = http.get("/api/v5/things", basic(GuardTestApplication.OUTAGE_KEY, "any"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("detail").asString()).contains("cannot be verified");
    }

    @Test
    void failuresAreCountedByReason() {
        double wrongSecret = failures("wrong_secret");
        double unknownKey = failures("unknown_key");
        double malformed = failures("malformed");
        double disabled = failures("disabled");

        http.get("/api/v5/things", basic("viewer-key", "guess"));
        http.get("/api/v5/things", basic("viewer-key", "guess"));
        http.get("/api/v5/things", basic("nobody", "guess"));
        http.get("/api/v5/things", "Basic %%%");
        http.get("/api/v5/things", basic("disabled-key", "disabled-key-secret"));
        http.get("/api/v5/things", VIEWER);

        assertThat(failures("wrong_secret")).isEqualTo(wrongSecret + 2);
        assertThat(failures("unknown_key")).isEqualTo(unknownKey + 1);
        assertThat(failures("malformed")).isEqualTo(malformed + 1);
        assertThat(failures("disabled")).isEqualTo(disabled + 1);
    }

    @Test
    void failureCountsAreScrapedByPrometheus() {
        http.get("/api/v5/things", basic("viewer-key", "guess"));

        assertThat(http.get("/api/v5/prometheus/stats", null).body())
                .containsPattern("ferrite_api_authentication_failures_total\\{[^}]*reason=\"wrong_secret\"[^}]*} [1-9]");
    }

    private double failures(String reason) {
        var counter = meters.find(FAILURES).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm="));
        assertProblem(response, 401, detail);
    }

    private static void assertForbidden(HttpResponse<String> response, String request) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403, "The API key's role does not allow " + request);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isEqualTo(detail);
    }
}
