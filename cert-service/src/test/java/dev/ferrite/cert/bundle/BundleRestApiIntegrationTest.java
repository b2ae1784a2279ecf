package dev.ferrite.cert.bundle;

import static dev.ferrite.cert.testing.CertHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ferrite.cert.pem.Pem;
import dev.ferrite.cert.testing.CertHttp;
import dev.ferrite.cert.testing.TestApiKeys;
import dev.ferrite.cert.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@Import(TestApiKeys.class)
@DirtiesContext
class BundleRestApiIntegrationTest {

    private static final String BUNDLES = "/api/v5/bundles";
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CertHttp admin;
    private TestPki pki;
    private Instant now;

    @BeforeEach
    void setUp() {
        admin = CertHttp.asAdministrator(port);
        now = Instant.now();
        pki = new TestPki(now);
    }

    @Test
    void anUploadedBundleIsListedAndShownWithoutItsKey() {
        TestPki.Issued server = pki.server("mqtt.example.test", now, Duration.ofDays(90));

        HttpResponse<String> created = admin.put(BUNDLES + "/mqtt-tls",
                upload(pki.chainPem(server), server.keyPem(), pki.root().certificatePem()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("PRIVATE KEY");
        HttpResponse<String> list = admin.get(BUNDLES);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("PRIVATE KEY");
        JsonNode listed = find(json(list), "mqtt-tls");
        assertThat(listed.get("source").asString()).isEqualTo("uploaded");
        assertThat(listed.get("version").asLong()).isEqualTo(1);
        assertThat(listed.get("subject").asString()).isEqualTo("CN=mqtt.example.test");
        assertThat(listed.get("sans").get(0).asString()).isEqualTo("DNS:mqtt.example.test");
        assertThat(listed.get("serial").asString()).isEqualTo(server.serialHex());
        assertThat(Instant.parse(listed.get("notAfter").asString()))
                .isEqualTo(server.certificate().getNotAfter().toInstant());
        assertThat(listed.has("ca")).isFalse();
        assertThat(listed.has("chainPem")).isFalse();

        HttpResponse<String> one = admin.get(BUNDLES + "/mqtt-tls");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).doesNotContain("PRIVATE KEY");
        JsonNode detail = json(one);
        assertThat(Pem.certificates(detail.get("chainPem").asString(), "chainPem"))
                .containsExactly(server.certificate(), pki.intermediate().certificate());
        assertThat(Pem.certificates(detail.get("caPem").asString(), "caPem")).containsExactly(pki.root().certificate());
    }

    @Test
    void theKeyIsStoredEncrypted() {
        TestPki.Issued server = pki.server("stored.example.test", now, Duration.ofDays(90));
        assertThat(admin.put(BUNDLES + "/stored", upload(pki.chainPem(server), server.keyPem(), null)).statusCode())
                .isEqualTo(201);

        String stored = jdbc.sql("SELECT private_key FROM certificate_bundle_version WHERE bundle = 'stored'")
                .query(String.class).single();

        assertThat(stored).startsWith("v1:").doesNotContain("PRIVATE KEY");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRejected() {
        TestPki.Issued server = pki.server("one.example.test", now, Duration.ofDays(90));
        TestPki.Issued other = pki.server("other.example.test", now, Duration.ofDays(90));

        HttpResponse<String> response = admin.put(BUNDLES + "/mismatch", upload(pki.chainPem(server), other.keyPem(), null));

        assertProblem(response, 400, "keyPem is not the private key of the first certificate of chainPem");
        assertThat(admin.get(BUNDLES + "/mismatch").statusCode()).isEqualTo(404);
    }

    @Test
    void aChainWithTheCertificateAfterItsIssuerIsRejected() {
        TestPki.Issued server = pki.server("order.example.test", now, Duration.ofDays(90));

        HttpResponse<String> response = admin.put(BUNDLES + "/reversed",
                upload(Pem.encode(pki.intermediate().certificate(), server.certificate()), server.keyPem(), null));

        assertProblem(response, 400, "keyPem belongs to certificate 2 of chainPem (CN=order.example.test)");
    }

    @Test
    void aChainWhoseCertificatesDoNotSignEachOtherInOrderIsRejected() {
        TestPki.Issued server = pki.server("order.example.test", now, Duration.ofDays(90));

        HttpResponse<String> response = admin.put(BUNDLES + "/misordered", upload(Pem.encode(server.certificate(),
                pki.root().certificate(), pki.intermediate().certificate()), server.keyPem(), null));

        assertProblem(response, 400, "certificate 1 of chainPem (CN=order.example.test) is not signed by the certificate after it");
    }

    @Test
    void anExpiredCertificateIsRejected() {
        TestPki.Issued expired = pki.server("old.example.test", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));

        HttpResponse<String> response = admin.put(BUNDLES + "/expired", upload(pki.chainPem(expired), expired.keyPem(), null));

        assertProblem(response, 400, "certificate 1 of chainPem (CN=old.example.test) expired on");
    }

    @Test
    void garbageInsteadOfPemIsRejectedNamingTheField() {
        TestPki.Issued server = pki.server("pem.example.test", now, Duration.ofDays(90));

        assertProblem(admin.put(BUNDLES + "/garbage", upload("not a certificate", server.keyPem(), null)),
                400, "chainPem holds no PEM block");
        assertProblem(admin.put(BUNDLES + "/garbage", upload(pki.chainPem(server), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n", null)), 400, "keyPem");
        assertProblem(admin.put(BUNDLES + "/garbage", upload(pki.chainPem(server), server.keyPem(), "trust me")),
                400, "caPem holds no PEM block");
        assertProblem(admin.put(BUNDLES + "/garbage", upload(pki.chainPem(server), server.certificatePem(), null)),
                400, "keyPem holds a X509CertificateHolder where an unencrypted private key was expected");
        assertThat(admin.get(BUNDLES + "/garbage").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadNameIsRejected() {
        TestPki.Issued server = pki.server("name.example.test", now, Duration.ofDays(90));

        assertProblem(admin.put(BUNDLES + "/Not_A_Name", upload(pki.chainPem(server), server.keyPem(), null)),
                400, "A bundle name is 1 to 63 lowercase letters, digits and '-'");
        assertProblem(admin.put(BUNDLES + "/" + "a".repeat(64), upload(pki.chainPem(server), server.keyPem(), null)),
                400, "A bundle name is 1 to 63");
    }

    @Test
    void anUploadReplacesTheBundleAndKeepsThePreviousVersionUntilConfirmed() {
        TestPki.Issued first = pki.server("replace.example.test", now, Duration.ofDays(90));
        TestPki.Issued second = pki.server("replace.example.test", now, Duration.ofDays(180));
        assertThat(admin.put(BUNDLES + "/replaced", upload(pki.chainPem(first), first.keyPem(), null)).statusCode())
                .isEqualTo(201);

        HttpResponse<String> replaced = admin.put(BUNDLES + "/replaced", upload(pki.chainPem(second), second.keyPem(), null));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode bundle = json(replaced);
        assertThat(bundle.get("version").asLong()).isEqualTo(2);
        assertThat(bundle.get("serial").asString()).isEqualTo(second.serialHex());
        assertThat(bundle.get("previous").get("version").asLong()).isEqualTo(1);
        assertThat(bundle.get("previous").get("serial").asString()).isEqualTo(first.serialHex());
        assertThat(json(admin.get(BUNDLES + "/replaced")).get("updatedAt").asString())
                .as("the answer shows the bundle as it is stored").isEqualTo(bundle.get("updatedAt").asString());
    }

    @Test
    void anIssuedBundleChainsUpToItsCaForOpenssl(@TempDir Path files) throws Exception {
        HttpResponse<String> issued = admin.post(BUNDLES + "/broker-tls/issue", """
                {"commonName": "broker.example.test", "sans": ["DNS:broker.example.test", "IP:127.0.0.1"], "validityDays": 30}
                """);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.body()).doesNotContain("PRIVATE KEY");
        JsonNode bundle = json(issued);
        assertThat(bundle.get("source").asString()).isEqualTo("issued");
        assertThat(bundle.get("ca").asString()).isEqualTo("default");
        assertThat(bundle.get("version").asLong()).isEqualTo(1);
        assertThat(bundle.get("subject").asString()).isEqualTo("CN=broker.example.test");
        assertThat(bundle.get("sans").toString()).contains("DNS:broker.example.test", "IP:127.0.0.1");
        assertThat(bundle.get("issue").get("profile").asString()).isEqualTo("server");

        List<X509Certificate> chain = Pem.certificates(bundle.get("chainPem").asString(), "chainPem");
        assertThat(chain).hasSize(2);
        Path leaf = Files.writeString(files.resolve("leaf.pem"), Pem.encode(chain.get(0)));
        Path untrusted = Files.writeString(files.resolve("chain.pem"), bundle.get("chainPem").asString());
        Path cas = Files.writeString(files.resolve("ca.pem"), bundle.get("caPem").asString());
        assertThat(openssl("verify", "-purpose", "sslserver", "-CAfile", cas.toString(), "-untrusted", untrusted.toString(),
                leaf.toString())).isEqualTo(leaf + ": OK");

        HttpResponse<String> issuedCertificate = admin.get("/api/v5/certs/" + bundle.get("serial").asString());
        assertThat(issuedCertificate.statusCode()).as("the CA's record of the certificate, for CRL and OCSP").isEqualTo(200);
    }

    @Test
    void rotationIssuesANewSerialAndKeepsThePreviousUntilConfirmed() {
        JsonNode issued = json(admin.post(BUNDLES + "/rotating/issue", """
                {"commonName": "rotating.example.test", "sans": ["rotating.example.test"]}
                """));

        HttpResponse<String> rotated = admin.post(BUNDLES + "/rotating/rotate");

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        JsonNode bundle = json(rotated);
        assertThat(bundle.get("version").asLong()).isEqualTo(2);
        assertThat(bundle.get("serial").asString()).isNotEqualTo(issued.get("serial").asString());
        assertThat(bundle.get("subject").asString()).isEqualTo("CN=rotating.example.test");
        assertThat(bundle.get("sans").toString()).contains("DNS:rotating.example.test");
        assertThat(bundle.get("previous").get("version").asLong()).isEqualTo(1);
        assertThat(bundle.get("previous").get("serial").asString()).isEqualTo(issued.get("serial").asString());
        assertThat(json(admin.get(BUNDLES + "/rotating")).get("previous").get("serial").asString())
                .isEqualTo(issued.get("serial").asString());
        assertThat(storedVersions("rotating")).containsExactly(1L, 2L);

        HttpResponse<String> confirmed = admin.post(BUNDLES + "/rotating/confirm");

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).has("previous")).isFalse();
        assertThat(json(confirmed).get("version").asLong()).isEqualTo(2);
        assertThat(json(admin.get(BUNDLES + "/rotating")).has("previous")).isFalse();
        assertThat(storedVersions("rotating")).containsExactly(2L);
    }

    @Test
    void anUploadedBundleCannotBeRotated() {
        TestPki.Issued server = pki.server("uploaded.example.test", now, Duration.ofDays(90));
        admin.put(BUNDLES + "/uploaded-only", upload(pki.chainPem(server), server.keyPem(), null));

        assertProblem(admin.post(BUNDLES + "/uploaded-only/rotate"), 409, "Bundle 'uploaded-only' was uploaded");
        assertProblem(admin.post(BUNDLES + "/nowhere/rotate"), 404, "No bundle named 'nowhere'");
    }

    @Test
    void aDeletedBundleIsGone() {
        admin.post(BUNDLES + "/short-lived/issue", """
                {"commonName": "gone.example.test", "sans": ["gone.example.test"]}
                """);

        assertThat(admin.delete(BUNDLES + "/short-lived").statusCode()).isEqualTo(204);

        assertThat(admin.get(BUNDLES + "/short-lived").statusCode()).isEqualTo(404);
        assertThat(json(admin.get(BUNDLES)).toString()).doesNotContain("short-lived");
        assertThat(storedVersions("short-lived")).isEmpty();
        assertThat(admin.delete(BUNDLES + "/short-lived").statusCode()).isEqualTo(404);
    }

    @Test
    void aViewerMayReadBundlesButNotChangeThem() {
        CertHttp viewer = CertHttp.asViewer(port);
        TestPki.Issued server = pki.server("viewer.example.test", now, Duration.ofDays(90));

        assertThat(viewer.get(BUNDLES).statusCode()).isEqualTo(200);
        assertThat(viewer.put(BUNDLES + "/by-viewer", upload(pki.chainPem(server), server.keyPem(), null)).statusCode())
                .isEqualTo(403);
        assertThat(CertHttp.anonymous(port).get(BUNDLES).statusCode()).isEqualTo(401);
    }

    private List<Long> storedVersions(String bundle) {
        return jdbc.sql("SELECT version FROM certificate_bundle_version WHERE bundle = ? ORDER BY version")
                .param(bundle).query(Long.class).list();
    }

    private static String upload(String chainPem, String keyPem, String caPem) {
        ObjectNode body = CertHttp.object().put("chainPem", chainPem).put("keyPem", keyPem);
        if (caPem != null) {
            body.put("caPem", caPem);
        }
        return body.toString();
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode bundle : list) {
            if (bundle.get("name").asString().equals(name)) {
                return bundle;
            }
        }
        throw new AssertionError("No bundle " + name + " in " + list);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("detail").asString()).contains(detail);
    }

    private static String openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
