package dev.ferrite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform, started with {@code ./platform up} on free ports and a fresh data
 * directory, checked from outside over HTTP as an operator would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    private static final Pattern PRINTED_KEY = Pattern.compile("(?m)^\\s+([0-9a-f]{16}:[A-Za-z0-9]{48})$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path dataDir;
    private Launcher launcher;
    private Launcher.Result up;
    private String admin;

    @BeforeAll
    void startPlatform(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        launcher = new Launcher(dataDir, Launcher.freePortOffset());
        up = launcher.up();
        Matcher key = PRINTED_KEY.matcher(up.output());
        admin = key.find() ? key.group(1) : null;
    }

    @AfterAll
    void stopPlatform() {
        launcher.down();
    }

    @Test
    @Order(1)
    void upStartsEveryServiceAndPrintsTheGeneratedAdministratorKeyOnce() throws IOException {
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(admin).as("administrator key printed by ./platform up:%n%s", up.output()).isNotNull();
        Path bootstrap = dataDir.resolve("bootstrap-api-keys.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bootstrap))).isEqualTo("rw-------");
        assertThat(Files.readString(bootstrap)).contains(admin + ":administrator");
        for (String service : Launcher.SERVICES) {
            assertThat(up.output()).contains(service + " ").contains("http://127.0.0.1:" + launcher.restPort(service));
            String log = Files.readString(dataDir.resolve("logs").resolve(service + ".log"));
            assertThat(log).as(service + " log").doesNotContainIgnoringCase("generated security password")
                    .doesNotContain(admin.substring(admin.indexOf(':') + 1));
        }
    }

    @Test
    @Order(2)
    void everyServiceReportsRunningOnStatusWithoutCredentials() {
        for (String service : Launcher.SERVICES) {
            HttpResponse<String> status = Http.get(launcher.restPort(service), "/api/v5/status", null);
            assertThat(status.statusCode()).as(service).isEqualTo(200);
            JsonNode body = JSON.readTree(status.body());
            assertThat(body.path("service").asString()).isEqualTo(service);
            assertThat(body.path("status").asString()).isEqualTo("running");
            assertThat(body.path("version").asString()).isNotBlank();
        }
        Launcher.Result status = launcher.status();
        assertThat(status.exitCode()).as(status.output()).isZero();
        Launcher.SERVICES.forEach(service -> assertThat(status.output()).containsPattern(service + "\\s+running"));
    }

    @Test
    @Order(3)
    void theAdministratorKeyWorksOnEveryService() {
        HttpResponse<String> keys = Http.get(launcher.restPort("auth-service"), "/api/v5/api_key", admin);
        assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
        assertThat(JSON.readTree(keys.body()).isArray()).isTrue();
        for (String service : Launcher.SERVICES) {
            HttpResponse<String> node = Http.get(launcher.restPort(service), "/api/v5/node", admin);
            assertThat(node.statusCode()).as(service + ": " + node.body()).isEqualTo(200);
            assertThat(JSON.readTree(node.body()).path("service").asString()).isEqualTo(service);
        }
    }

    @Test
    @Order(4)
    void aWrongSecretOrNoCredentialsGet401Everywhere() {
        String wrongSecret = admin.substring(0, admin.indexOf(':') + 1) + "not-the-secret";
        for (String service : Launcher.SERVICES) {
            int port = launcher.restPort(service);
            HttpResponse<String> wrong = Http.get(port, "/api/v5/node", wrongSecret);
            assertThat(wrong.statusCode()).as(service).isEqualTo(401);
            assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Basic"));
            assertThat(Http.get(port, "/api/v5/node", null).statusCode()).as(service).isEqualTo(401);
        }
    }

    @Test
    @Order(5)
    void aViewerKeyReadsEverywhereButGets403OnAPost() {
        String viewer = createKey("viewer-e2e", "viewer");
        for (String service : Launcher.SERVICES) {
            int port = launcher.restPort(service);
            assertThat(Http.get(port, "/api/v5/node", viewer).statusCode()).as(service).isEqualTo(200);
            String path = service.equals("auth-service") ? "/api/v5/api_key" : "/api/v5/node";
            HttpResponse<String> post = Http.post(port, path, viewer, "{\"name\":\"sneaky\"}");
            assertThat(post.statusCode()).as(service + ": " + post.body()).isEqualTo(403);
            assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> keys = Http.get(launcher.restPort("auth-service"), "/api/v5/api_key", admin);
        assertThat(keys.body()).doesNotContain("sneaky");
    }

    @Test
    @Order(6)
    void aKeyDisabledThroughTheApiStopsWorkingOnEveryServiceWithinTenSeconds() {
        String key = createKey("disabled-e2e", "administrator");
        for (String service : Launcher.SERVICES) {
            assertThat(Http.get(launcher.restPort(service), "/api/v5/node", key).statusCode()).as(service).isEqualTo(200);
        }
        HttpResponse<String> disable = Http.put(launcher.restPort("auth-service"), "/api/v5/api_key/disabled-e2e", admin,
                "{\"enable\":false}");
        assertThat(disable.statusCode()).as(disable.body()).isEqualTo(200);
        assertThat(JSON.readTree(disable.body()).path("enable").asBoolean()).isFalse();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> stillAccepting = new ArrayList<>(Launcher.SERVICES);
        while (!stillAccepting.isEmpty() && System.nanoTime() < deadline) {
            stillAccepting.removeIf(service -> Http.get(launcher.restPort(service), "/api/v5/node", key).statusCode() == 401);
            pause(Duration.ofMillis(250));
        }
        assertThat(stillAccepting).as("services still accepting the disabled key after 10 s").isEmpty();
    }

    @Test
    @Order(7)
    void prometheusMetricsAreOpenOnEveryService() {
        for (String service : Launcher.SERVICES) {
            HttpResponse<String> stats = Http.get(launcher.restPort(service), "/api/v5/prometheus/stats", null);
            assertThat(stats.statusCode()).as(service).isEqualTo(200);
            assertThat(stats.body()).contains("jvm_memory_used_bytes");
            assertThat(Http.get(launcher.restPort(service), "/actuator/prometheus", null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> auth = Http.get(launcher.restPort("auth-service"), "/api/v5/prometheus/stats", null);
        assertThat(auth.body()).contains("ferrite_api_authentication_failures_total");
    }

    @Test
    @Order(8)
    void everyServicePublishesValidOpenApi3AndSwaggerUi() {
        for (String service : Launcher.SERVICES) {
            int port = launcher.restPort(service);
            HttpResponse<String> document = Http.get(port, "/api/v5/openapi.json", null);
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body(), null, null);
            assertThat(parsed.getMessages()).as(service).isEmpty();
            assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
            assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v5/status", "/api/v5/node");
            HttpResponse<String> ui = Http.get(port, "/api/v5/docs", null);
            assertThat(ui.statusCode()).as(service).isEqualTo(200);
            assertThat(ui.body()).contains("swagger-ui");
            HttpResponse<String> uiConfig = Http.get(port, "/api/v5/openapi.json/swagger-config", null);
            assertThat(uiConfig.statusCode()).as(service).isEqualTo(200);
            assertThat(uiConfig.body()).contains("/api/v5/openapi.json");
        }
        HttpResponse<String> auth = Http.get(launcher.restPort("auth-service"), "/api/v5/openapi.json", null);
        assertThat(new OpenAPIV3Parser().readContents(auth.body(), null, null).getOpenAPI().getPaths())
                .containsKeys("/api/v5/api_key", "/api/v5/api_key/{name}");
    }

    @Test
    @Order(9)
    void errorsAreProblemJsonWithTheReason() {
        int auth = launcher.restPort("auth-service");
        HttpResponse<String> malformed = Http.post(auth, "/api/v5/api_key", admin, "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(malformed.body()).path("detail").asString()).startsWith("Malformed request body: ");

        for (String service : Launcher.SERVICES) {
            HttpResponse<String> unknown = Http.get(launcher.restPort(service), "/api/v5/no-such-thing", admin);
            assertThat(unknown.statusCode()).as(service).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    @Order(10)
    void certificatesPointAtTheCrlAndOcspThePlatformReallyServesAndRevocationShowsInBoth() throws Exception {
        int cert = launcher.restPort("cert-service");
        JsonNode ca = JSON.readTree(Http.get(cert, "/api/v5/cas/default", admin).body());
        String crlUrl = ca.path("crlUrl").asString();
        assertThat(crlUrl).isEqualTo("http://127.0.0.1:" + cert + "/crl/default.crl");

        HttpResponse<String> issued = Http.post(cert, "/api/v5/certs", admin, "{\"commonName\":\"e2e-device\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode device = JSON.readTree(issued.body());
        BigInteger serial = new BigInteger(device.path("serial").asString(), 16);
        assertThat(fetchCrl(crlUrl).getRevokedCertificate(serial)).isNull();
        assertThat(ocspCheck(device)).as("OCSP through the certificate's own AIA URL").isNull();

        HttpResponse<String> revoked = Http.post(cert, "/api/v5/certs/" + serial.toString(16) + "/revoke", admin,
                "{\"reason\":\"keyCompromise\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(fetchCrl(crlUrl).getRevokedCertificate(serial)).isNotNull();
        assertThat(ocspCheck(device)).isNotNull().extracting(CertPathValidatorException::getReason)
                .isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
    }

    /** The JDK's own OCSP client, following the URL in the certificate; null when the path validates. */
    private static CertPathValidatorException ocspCheck(JsonNode issued) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (String pem : List.of(issued.path("certificatePem").asString(), issued.path("chainPem").asString())) {
            factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .forEach(certificate -> chain.add((X509Certificate) certificate));
        }
        X509Certificate root = chain.remove(chain.size() - 1);
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.addCertPathChecker(checker);
        try {
            validator.validate(factory.generateCertPath(chain), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return e;
        }
    }

    private static X509CRL fetchCrl(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(response.body()));
    }

    @Test
    @Order(11)
    void mosquittoClientsTalkThroughTheLaunchedGatewayWithoutCredentials() throws Exception {
        String port = Integer.toString(launcher.mqttPort());
        Process subscriber = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-t", "e2e/#", "-C", "1",
                "-W", "30", "-v").redirectErrorStream(true).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (subscriber.isAlive() && System.nanoTime() < deadline) {
            Process publisher = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", "e2e/hello",
                    "-m", "world").redirectErrorStream(true).start();
            assertThat(publisher.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(publisher.exitValue()).isZero();
            subscriber.waitFor(250, TimeUnit.MILLISECONDS);
        }
        assertThat(subscriber.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                .isEqualTo("e2e/hello world");
    }

    @Test
    @Order(100)
    void downStopsEveryProcessItStartedAndFreesThePorts() {
        List<Long> pids = launcher.recordedPids();
        assertThat(pids).hasSize(Launcher.SERVICES.size());

        Launcher.Result down = launcher.down();

        assertThat(down.exitCode()).as(down.output()).isZero();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid %d", pid).isNotEqualTo(
                    java.util.Optional.of(true));
        }
        assertThat(launcher.allPorts()).allMatch(Launcher::isFree);
        assertThat(launcher.status().output()).doesNotContain("running");
    }

    private String createKey(String name, String role) {
        HttpResponse<String> created = Http.post(launcher.restPort("auth-service"), "/api/v5/api_key", admin,
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"desc\":\"end-to-end test\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(created.body());
        return body.path("api_key").asString() + ":" + body.path("api_secret").asString();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
