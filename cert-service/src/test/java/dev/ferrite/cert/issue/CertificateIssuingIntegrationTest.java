package dev.ferrite.cert.issue;

import static dev.ferrite.cert.testing.CertHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.ferrite.cert.testing.CertHttp;
import dev.ferrite.cert.testing.OpenSsl;
import dev.ferrite.cert.testing.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ferrite.cert.public-url=https://pki.example.test:8443")
@Import(TestApiKeys.class)
@ExtendWith(OutputCaptureExtension.class)
class CertificateIssuingIntegrationTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @TempDir
    Path work;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CertHttp http;

    @BeforeEach
    void client() {
        http = CertHttp.asAdministrator(port);
    }

    @Test
    void aDeviceCertificateWithAGeneratedKeyVerifiesWithOpensslAndNamesItsRevocationEndpoints() throws IOException {
        JsonNode issued = issue(Map.of("commonName", "sensor-0042", "profile", "device"));

        writeChain(issued);
        write("leaf.pem", issued.path("certificatePem").asString());
        write("leaf.key", issued.path("privateKeyPem").asString());
        assertThat(openssl("verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "leaf.pem").output())
                .contains("leaf.pem: OK");
        String text = openssl("x509", "-in", "leaf.pem", "-noout", "-text").output();
        assertThat(text)
                .contains("Subject: CN = sensor-0042")
                .contains("TLS Web Client Authentication")
                .contains("URI:https://pki.example.test:8443/crl/default.crl")
                .contains("OCSP - URI:https://pki.example.test:8443/ocsp/default")
                .contains("CA:FALSE");
        assertThat(openssl("pkey", "-in", "leaf.key", "-pubout").output())
                .isEqualTo(openssl("x509", "-in", "leaf.pem", "-noout", "-pubkey").output());
        assertThat(issued.path("serial").asString()).matches("[0-9a-f]+");
    }

    @Test
    void aCsrMadeByOpensslIsSignedAndTheCertificateCarriesItsKey() throws IOException {
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "device.key", "-subj", "/CN=meter-7", "-out", "device.csr");

        JsonNode issued = issue(Map.of("profile", "device", "csrPem", read("device.csr")));

        assertThat(issued.has("privateKeyPem")).isFalse();
        assertThat(issued.path("commonName").asString()).isEqualTo("meter-7");
        write("device.pem", issued.path("certificatePem").asString());
        writeChain(issued);
        assertThat(openssl("verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "device.pem").output())
                .contains("device.pem: OK");
        assertThat(openssl("x509", "-in", "device.pem", "-noout", "-pubkey").output())
                .isEqualTo(openssl("pkey", "-in", "device.key", "-pubout").output());
    }

    @Test
    void aCsrWhoseSignatureDoesNotHoldIsRefused() throws IOException {
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "forged.key", "-subj", "/CN=forged", "-outform", "DER", "-out", "forged.der");
        byte[] der = Files.readAllBytes(work.resolve("forged.der"));
        der[der.length - 3] ^= 0x01;
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE REQUEST-----\n";

        assertRefused(Map.of("profile", "device", "csrPem", pem), 400, "signature");
    }

    @Test
    void aWeakRsaKeyIsRefused() throws IOException {
        openssl("req", "-new", "-newkey", "rsa:1024", "-nodes", "-keyout", "weak.key", "-subj", "/CN=weak",
                "-out", "weak.csr");

        assertRefused(Map.of("profile", "device", "csrPem", read("weak.csr")), 400, "1024 bits; at least 2048");
    }

    @Test
    void aServerCertificateNeedsSubjectAlternativeNamesAndCarriesThem() throws IOException {
        assertRefused(Map.of("commonName", "gateway", "profile", "server"), 400, "needs at least one DNS name or IP");

        JsonNode issued = issue(Map.of("commonName", "gateway", "profile", "server",
                "sans", List.of("gateway.example.test", "*.devices.example.test", "IP:127.0.0.1", "URI:spiffe://ferrite/gw")));

        write("server.pem", issued.path("certificatePem").asString());
        assertThat(openssl("x509", "-in", "server.pem", "-noout", "-text").output())
                .contains("TLS Web Server Authentication")
                .contains("DNS:gateway.example.test")
                .contains("DNS:*.devices.example.test")
                .contains("IP Address:127.0.0.1")
                .contains("URI:spiffe://ferrite/gw");
    }

    @Test
    void namesTheProfileForbidsAreRefused() {
        assertRefused(Map.of("commonName", "*.devices", "profile", "device"), 400, "wildcards are allowed only in the server profile");
        assertRefused(Map.of("commonName", "d", "profile", "device", "sans", List.of("*.example.test")), 400, "only in the server profile");
        assertRefused(Map.of("commonName", "d", "profile", "server", "sans", List.of("bad_host!")), 400, "not a valid DNS name");
        assertRefused(Map.of("commonName", "x".repeat(65), "profile", "device"), 400, "at most 64 characters");
        assertRefused(Map.of("profile", "device"), 400, "commonName is required");
    }

    @Test
    void badParametersAreRefusedWithTheReason() {
        assertRefused(Map.of("commonName", "d", "profile", "toaster"), 400, "profile must be one of device, server, ocsp-signing");
        assertRefused(Map.of("commonName", "d", "ca", "nope"), 404, "No CA named 'nope'");
        assertRefused(Map.of("commonName", "d", "validityDays", 0), 400, "validityDays must be between 1 and 3650");
        assertRefused(Map.of("commonName", "d", "validityDays", 3000), 400, "would outlive CA 'default'");
        assertRefused(Map.of("commonName", "d", "keyType", "dsa-1024"), 400, "keyType must be one of");
        assertRefused(Map.of("commonName", "d", "csrPem", "not pem at all"), 400, "csrPem");
    }

    @Test
    void revocationIsIdempotentAndOnlyAHoldCanBeLifted() {
        String serial = issue(Map.of("commonName", "revoke-me")).path("serial").asString();

        JsonNode revoked = json(http.post("/api/v5/certs/" + serial + "/revoke", Map.of("reason", "certificateHold")));
        assertThat(revoked.path("status").asString()).isEqualTo("revoked");
        assertThat(revoked.path("revocationReason").asString()).isEqualTo("certificateHold");
        JsonNode again = json(http.post("/api/v5/certs/" + serial + "/revoke", Map.of("reason", "certificateHold")));
        assertThat(again.path("revokedAt").asString()).isEqualTo(revoked.path("revokedAt").asString());

        JsonNode lifted = json(http.post("/api/v5/certs/" + serial + "/unrevoke", "{}"));
        assertThat(lifted.path("status").asString()).isEqualTo("valid");
        assertThat(lifted.has("revocationReason")).isFalse();

        JsonNode compromised = json(http.post("/api/v5/certs/" + serial + "/revoke", Map.of("reason", "keyCompromise")));
        assertThat(compromised.path("revocationReason").asString()).isEqualTo("keyCompromise");
        JsonNode unchanged = json(http.post("/api/v5/certs/" + serial + "/revoke", Map.of("reason", "superseded")));
        assertThat(unchanged.path("revocationReason").asString()).isEqualTo("keyCompromise");
        HttpResponse<String> refused = http.post("/api/v5/certs/" + serial + "/unrevoke", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("detail").asString()).contains("only certificateHold can be lifted");

        HttpResponse<String> badReason = http.post("/api/v5/certs/" + serial + "/revoke", Map.of("reason", "boredom"));
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(json(badReason).path("detail").asString()).contains("keyCompromise");
        assertThat(http.post("/api/v5/certs/abcdef0123/revoke", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aRevocationWithoutABodyIsUnspecified() {
        String serial = issue(Map.of("commonName", "plain-revoke")).path("serial").asString();

        HttpResponse<String> revoked = http.post("/api/v5/certs/" + serial + "/revoke", "");

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked).path("revocationReason").asString()).isEqualTo("unspecified");
    }

    @Test
    void theListFiltersByCommonNameStatusAndComingExpiryAndPages() {
        String soon = issue(Map.of("commonName", "list-soon", "validityDays", 5)).path("serial").asString();
        String later = issue(Map.of("commonName", "list-later", "validityDays", 200)).path("serial").asString();
        http.post("/api/v5/certs/" + later + "/revoke", "{}");

        assertThat(serials("/api/v5/certs?commonName=list-soon")).containsExactly(soon);
        assertThat(serials("/api/v5/certs?status=revoked&commonName=list-later")).containsExactly(later);
        assertThat(serials("/api/v5/certs?expiringWithinDays=10")).contains(soon).doesNotContain(later);
        JsonNode page = json(http.get("/api/v5/certs?limit=1&page=1"));
        assertThat(page.path("data")).hasSize(1);
        assertThat(page.path("meta").path("count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get("/api/v5/certs?status=sideways").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v5/certs?limit=0").statusCode()).isEqualTo(400);
        assertThat(json(http.get("/api/v5/certs/" + soon)).path("commonName").asString()).isEqualTo("list-soon");
    }

    @Test
    void caKeysAreEncryptedAtRestAndNoKeyReachesTheLogOrTheCaEndpoints(CapturedOutput output) {
        JsonNode issued = issue(Map.of("commonName", "secretive"));
        String privateKey = issued.path("privateKeyPem").asString();
        assertThat(privateKey).contains("BEGIN PRIVATE KEY");

        List<String> storedKeys = jdbc.sql("SELECT issuing_key FROM certificate_authority").query(String.class).list();
        assertThat(storedKeys).isNotEmpty().allSatisfy(stored -> assertThat(stored).startsWith("v1:").doesNotContain("PRIVATE"));
        assertThat(http.get("/api/v5/cas").body()).doesNotContain("PRIVATE");
        assertThat(http.get("/api/v5/cas/default/chain").body()).doesNotContain("PRIVATE").contains("BEGIN CERTIFICATE");
        assertThat(output.getAll()).doesNotContain("PRIVATE KEY").doesNotContain(privateKey.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void theManagementApiNeedsAnApiKeyWhileCrlAndOcspAreOpen() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        for (String path : List.of("/api/v5/certs", "/api/v5/cas", "/api/v5/cas/default/chain")) {
            int status = anonymous.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).as(path).isEqualTo(401);
        }
        int crl = anonymous.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/crl/default.crl")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(crl).isEqualTo(200);
    }

    @Test
    void theCaListNamesTheRevocationEndpoints() {
        JsonNode ca = json(http.get("/api/v5/cas")).get(0);

        assertThat(ca.path("name").asString()).isEqualTo("default");
        assertThat(ca.path("keyType").asString()).isEqualTo("ec-p256");
        assertThat(ca.path("crlUrl").asString()).isEqualTo("https://pki.example.test:8443/crl/default.crl");
        assertThat(ca.path("ocspUrl").asString()).isEqualTo("https://pki.example.test:8443/ocsp/default");
        assertThat(http.get("/api/v5/cas/nope/chain").statusCode()).isEqualTo(404);
    }

    private List<String> serials(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("data").valueStream().map(node -> node.path("serial").asString()).toList();
    }

    private JsonNode issue(Map<String, ?> request) {
        HttpResponse<String> response = http.post("/api/v5/certs", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private void assertRefused(Map<String, ?> request, int status, String reason) {
        HttpResponse<String> response = http.post("/api/v5/certs", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("detail").asString()).contains(reason);
    }

    private void writeChain(JsonNode issued) throws IOException {
        String chain = issued.path("chainPem").asString();
        int second = chain.indexOf("-----BEGIN CERTIFICATE-----", 1);
        write("intermediate.pem", chain.substring(0, second));
        write("root.pem", chain.substring(second));
    }

    private OpenSsl.Result openssl(String... arguments) {
        OpenSsl.Result result = OpenSsl.run(work, arguments);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(work.resolve(name), content);
    }

    private String read(String name) throws IOException {
        return Files.readString(work.resolve(name));
    }
}
