package dev.ferrite.auth.apikey;

import static dev.ferrite.auth.apikey.AuthHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ferrite.auth.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "ferrite.api-guard.cache-ttl=1s",
        "ferrite.api-guard.throttle.max-failures=1000"})
@DirtiesContext
class ApiKeyRestApiIntegrationTest {

    private static final String ADMIN_SECRET = "adm1n-Bootstrap-Secret";
    private static final String VIEWER_SECRET = "v1ewer-Bootstrap-Secret";
    private static final String KEYS = "/api/v5/api_key";
    private static final Duration CHANGE_DEADLINE = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirAndBootstrapFile(DynamicPropertyRegistry registry) throws IOException {
        Path bootstrapFile = Files.writeString(dataDir.resolve("api-keys.bootstrap"), """
                # keys for the integration test
                bootadmin:%s:administrator
                bootviewer:%s:viewer
                """.formatted(ADMIN_SECRET, VIEWER_SECRET));
        registry.add("ferrite.data-dir", dataDir::toString);
        registry.add("ferrite.auth.api-key.bootstrap-file", bootstrapFile::toString);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private AuthHttp admin;

    @BeforeEach
    void signIn() {
        admin = AuthHttp.as(port, "bootadmin", ADMIN_SECRET);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void listsTheBootstrapKeysWithoutSecrets() {
        HttpResponse<String> response = admin.get(KEYS);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bootstrapAdmin = keyNamed(json(response), "from_bootstrap_file_bootadmin");
        assertThat(bootstrapAdmin.path("api_key").asString()).isEqualTo("bootadmin");
        assertThat(bootstrapAdmin.path("role").asString()).isEqualTo("administrator");
        assertThat(bootstrapAdmin.path("enable").asBoolean()).isTrue();
        assertThat(bootstrapAdmin.path("expired_at").asString()).isEqualTo("infinity");
        assertThat(bootstrapAdmin.path("expired").asBoolean()).isFalse();
        assertThat(keyNamed(json(response), "from_bootstrap_file_bootviewer").path("role").asString()).isEqualTo("viewer");
        assertThat(response.body()).doesNotContain("api_secret", ADMIN_SECRET, VIEWER_SECRET, "secret_hash", "$2");
    }

    @Test
    void aRequestWithoutCredentialsIsRefused() {
        HttpResponse<String> response = AuthHttp.anonymous(port).get(KEYS);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void createsAKeyWhoseSecretIsShownOnlyInTheAnswerToThePost() {
        HttpResponse<String> created = admin.post(KEYS,
                "{\"name\":\"deployer\",\"desc\":\"CI deployments\",\"role\":\"viewer\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode key = json(created);
        String secret = key.path("api_secret").asString();
        assertThat(key.path("name").asString()).isEqualTo("deployer");
        assertThat(key.path("api_key").asString()).matches("[0-9a-f]{16}");
        assertThat(secret).matches("[A-Za-z0-9]{48}");
        assertThat(key.path("desc").asString()).isEqualTo("CI deployments");
        assertThat(key.path("role").asString()).isEqualTo("viewer");
        assertThat(key.path("enable").asBoolean()).isTrue();
        assertThat(key.path("expired_at").asString()).isEqualTo("infinity");
        assertThat(Instant.parse(key.path("created_at").asString())).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));

        HttpResponse<String> fetched = admin.get(KEYS + "/deployer");
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(json(fetched).has("api_secret")).isFalse();
        assertThat(json(fetched).path("api_key").asString()).isEqualTo(key.path("api_key").asString());
        assertThat(fetched.body()).doesNotContain(secret);
        assertThat(admin.get(KEYS).body()).doesNotContain(secret);
    }

    @Test
    void storesOnlyABcryptHashOfTheSecret() {
        JsonNode key = create("{\"name\":\"hashed\"}");
        String secret = key.path("api_secret").asString();

        String stored = jdbc.sql("SELECT secret_hash FROM api_key WHERE name = ?").param("hashed")
                .query(String.class).single();

        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(secret);
        assertThat(new BCryptPasswordEncoder().matches(secret, stored.substring("{bcrypt}".length()))).isTrue();
    }

    @Test
    void aCreatedKeyAuthenticatesWithItsRole() {
        JsonNode key = create("{\"name\":\"new-admin\",\"role\":\"administrator\"}");
        AuthHttp newAdmin = AuthHttp.as(port, key.path("api_key").asString(), key.path("api_secret").asString());

        assertThat(newAdmin.get(KEYS).statusCode()).isEqualTo(200);
        assertThat(newAdmin.post(KEYS, "{\"name\":\"made-by-new-admin\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyWithoutARoleIsAnAdministrator() {
        assertThat(create("{\"name\":\"default-role\"}").path("role").asString()).isEqualTo("administrator");
    }

    @Test
    void aViewerMayReadButNotWrite() {
        AuthHttp viewer = AuthHttp.as(port, "bootviewer", VIEWER_SECRET);

        assertThat(viewer.get(KEYS).statusCode()).isEqualTo(200);
        assertThat(viewer.get(KEYS + "/from_bootstrap_file_bootadmin").statusCode()).isEqualTo(200);
        assertProblem(viewer.post(KEYS, "{\"name\":\"by-viewer\"}"), 403);
        assertProblem(viewer.put(KEYS + "/from_bootstrap_file_bootviewer", "{\"role\":\"administrator\"}"), 403);
        assertProblem(viewer.delete(KEYS + "/from_bootstrap_file_bootadmin"), 403);
        assertThat(admin.get(KEYS + "/by-viewer").statusCode()).isEqualTo(404);
    }

    @Test
    void aCreatedViewerMayReadButNotWrite() {
        JsonNode key = create("{\"name\":\"created-viewer\",\"role\":\"viewer\"}");
        AuthHttp viewer = AuthHttp.as(port, key.path("api_key").asString(), key.path("api_secret").asString());

        assertThat(viewer.get(KEYS).statusCode()).isEqualTo(200);
        assertProblem(viewer.post(KEYS, "{\"name\":\"by-created-viewer\"}"), 403);
    }

    @Test
    void aDuplicateNameIsAConflict() {
        create("{\"name\":\"twice\"}");

        HttpResponse<String> response = admin.post(KEYS, "{\"name\":\"twice\"}");

        assertProblem(response, 409);
        assertThat(json(response).path("detail").asString()).isEqualTo("An API key named 'twice' already exists");
    }

    @Test
    void anInvalidNameIsABadRequest() {
        HttpResponse<String> response = admin.post(KEYS, "{\"name\":\"1 bad name\"}");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asString()).startsWith("name: must start with a letter");
    }

    @Test
    void aMissingNameIsABadRequest() {
        HttpResponse<String> response = admin.post(KEYS, "{\"desc\":\"no name\"}");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asString()).startsWith("name: ");
    }

    @Test
    void anUnknownRoleIsABadRequest() {
        HttpResponse<String> response = admin.post(KEYS, "{\"name\":\"bad-role\",\"role\":\"root\"}");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asString())
                .isEqualTo("role must be one of administrator, viewer, publisher, was 'root'");
        assertThat(admin.get(KEYS + "/bad-role").statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedExpiryIsABadRequest() {
        HttpResponse<String> response = admin.post(KEYS, "{\"name\":\"bad-expiry\",\"expired_at\":\"tomorrow\"}");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asString())
                .startsWith("expired_at must be \"infinity\" or an RFC 3339 date-time")
                .endsWith("was 'tomorrow'");
    }

    @Test
    void anExpiryInThePastIsABadRequest() {
        HttpResponse<String> response = admin.post(KEYS,
                "{\"name\":\"past-expiry\",\"expired_at\":\"2020-01-01T00:00:00Z\"}");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asString()).contains("is not in the future");
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        HttpResponse<String> response = admin.post(KEYS, "{\"name\": ");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asString()).startsWith("Malformed request body: ");
    }

    @Test
    void updatesOnlyTheGivenFields() {
        create("{\"name\":\"changing\",\"desc\":\"before\",\"role\":\"publisher\"}");

        HttpResponse<String> updated = admin.put(KEYS + "/changing",
                "{\"desc\":\"after\",\"expired_at\":\"2999-12-31T23:59:59Z\"}");

        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode key = json(admin.get(KEYS + "/changing"));
        assertThat(key.path("desc").asString()).isEqualTo("after");
        assertThat(key.path("expired_at").asString()).isEqualTo("2999-12-31T23:59:59Z");
        assertThat(key.path("role").asString()).isEqualTo("publisher");
        assertThat(key.path("enable").asBoolean()).isTrue();
        assertThat(key.has("api_secret")).isFalse();
    }

    @Test
    void aChangedRoleTakesEffect() {
        JsonNode key = create("{\"name\":\"promoted\",\"role\":\"viewer\"}");
        AuthHttp promoted = AuthHttp.as(port, key.path("api_key").asString(), key.path("api_secret").asString());
        assertThat(promoted.post(KEYS, "{\"name\":\"by-promoted\"}").statusCode()).isEqualTo(403);

        assertThat(admin.put(KEYS + "/promoted", "{\"role\":\"administrator\"}").statusCode()).isEqualTo(200);

        await().atMost(CHANGE_DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(promoted.post(KEYS, "{\"name\":\"by-promoted\"}").statusCode()).isEqualTo(200));
    }

    @Test
    void anUpdateWithAnUnknownRoleOrExpiryIsABadRequest() {
        create("{\"name\":\"stays\"}");

        assertProblem(admin.put(KEYS + "/stays", "{\"role\":\"owner\"}"), 400);
        assertProblem(admin.put(KEYS + "/stays", "{\"expired_at\":\"soon\"}"), 400);
        assertThat(json(admin.get(KEYS + "/stays")).path("role").asString()).isEqualTo("administrator");
    }

    @Test
    void anUnknownKeyNameIsNotFound() {
        assertProblem(admin.get(KEYS + "/nope"), 404);
        assertProblem(admin.put(KEYS + "/nope", "{\"desc\":\"x\"}"), 404);
        assertProblem(admin.delete(KEYS + "/nope"), 404);
        assertThat(json(admin.get(KEYS + "/nope")).path("detail").asString()).isEqualTo("No API key named 'nope'");
    }

    @Test
    void aDisabledKeyStopsWorkingWithinTheCacheTime() {
        JsonNode key = create("{\"name\":\"to-disable\",\"role\":\"viewer\"}");
        AuthHttp user = AuthHttp.as(port, key.path("api_key").asString(), key.path("api_secret").asString());
        assertThat(user.get(KEYS).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = admin.put(KEYS + "/to-disable", "{\"enable\":false}");

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).path("enable").asBoolean()).isFalse();
        await().atMost(CHANGE_DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> refused = user.get(KEYS);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("detail").asString()).isEqualTo("API key is disabled");
        });
    }

    @Test
    void aReEnabledKeyWorksAgain() {
        JsonNode key = create("{\"name\":\"re-enabled\",\"role\":\"viewer\",\"enable\":false}");
        AuthHttp user = AuthHttp.as(port, key.path("api_key").asString(), key.path("api_secret").asString());
        assertThat(user.get(KEYS).statusCode()).isEqualTo(401);

        admin.put(KEYS + "/re-enabled", "{\"enable\":true}");

        assertThat(user.get(KEYS).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeletedKeyStopsWorking() {
        JsonNode key = create("{\"name\":\"to-delete\"}");
        AuthHttp user = AuthHttp.as(port, key.path("api_key").asString(), key.path("api_secret").asString());
        assertThat(user.get(KEYS).statusCode()).isEqualTo(200);

        HttpResponse<String> deleted = admin.delete(KEYS + "/to-delete");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(admin.get(KEYS + "/to-delete").statusCode()).isEqualTo(404);
        await().atMost(CHANGE_DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> refused = user.get(KEYS);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("detail").asString()).isEqualTo("Wrong API key or secret");
        });
    }

    @Test
    void anExpiredKeyStopsWorking() {
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode key = create("{\"name\":\"expiring\",\"role\":\"viewer\",\"expired_at\":\"" + expiry + "\"}");
        AuthHttp user = AuthHttp.as(port, key.path("api_key").asString(), key.path("api_secret").asString());
        assertThat(key.path("expired_at").asString()).isEqualTo(expiry.toString());
        assertThat(user.get(KEYS).statusCode()).isEqualTo(200);

        clock.moveAhead(Duration.ofHours(2));

        assertThat(json(admin.get(KEYS + "/expiring")).path("expired").asBoolean()).isTrue();
        await().atMost(CHANGE_DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> refused = user.get(KEYS);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("detail").asString()).isEqualTo("API key has expired");
        });
    }

    @Test
    void aWrongSecretIsRefused() {
        HttpResponse<String> response = AuthHttp.as(port, "bootadmin", "not-the-secret").get(KEYS);

        assertProblem(response, 401);
        assertThat(json(response).path("detail").asString()).isEqualTo("Wrong API key or secret");
    }

    private JsonNode create(String json) {
        HttpResponse<String> response = admin.post(KEYS, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode keyNamed(JsonNode keys, String name) {
        return keys.valueStream().filter(key -> key.path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No key named " + name + " in " + keys));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
        assertThat(json(response).path("detail").asString()).isNotBlank();
    }
}
