package dev.ferrite.cert.ca;

import static dev.ferrite.cert.testing.CertHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.ferrite.cert.testing.CertHttp;
import dev.ferrite.cert.testing.OpenSsl;
import dev.ferrite.cert.testing.TestApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An existing CA, made with openssl, brought into cert-service and used to issue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestApiKeys.class)
class CaImportIntegrationTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path pki;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @BeforeAll
    static void makeACaWithOpenssl() throws IOException {
        Files.writeString(pki.resolve("ca.ext"), "basicConstraints=critical,CA:TRUE,pathlen:0\n"
                + "keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n");
        Files.writeString(pki.resolve("leaf.ext"), "basicConstraints=critical,CA:FALSE\n");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes", "-keyout", "root.key",
                "-out", "root.pem", "-subj", "/O=Acme/CN=Acme Root", "-days", "60",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes", "-keyout", "issuing.key",
                "-out", "issuing.csr", "-subj", "/O=Acme/CN=Acme Issuing");
        openssl("x509", "-req", "-in", "issuing.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
                "-days", "30", "-extfile", "ca.ext", "-out", "issuing.pem");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "leaf.key",
                "-out", "leaf.csr", "-subj", "/CN=not-a-ca");
        openssl("x509", "-req", "-in", "leaf.csr", "-CA", "issuing.pem", "-CAkey", "issuing.key", "-CAcreateserial",
                "-days", "10", "-extfile", "leaf.ext", "-out", "not-a-ca.pem");
    }

    @LocalServerPort
    int port;

    private CertHttp http;

    @BeforeEach
    void client() {
        http = CertHttp.asAdministrator(port);
    }

    @Test
    void anImportedCaIssuesCertificatesThatOpensslVerifiesAgainstItsOwnRoot() throws IOException {
        HttpResponse<String> imported = importCa("acme", read("issuing.pem") + read("root.pem"), read("issuing.key"));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json(imported).path("keyType").asString()).isEqualTo("ec-p384");
        assertThat(json(imported).path("subject").asString()).contains("CN=Acme Issuing");

        HttpResponse<String> issued = http.post("/api/v5/certs", Map.of("ca", "acme", "commonName", "acme-device",
                "validityDays", 7));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Files.writeString(pki.resolve("acme-device.pem"), json(issued).path("certificatePem").asString());
        assertThat(openssl("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "acme-device.pem").output())
                .contains("acme-device.pem: OK");
        assertThat(http.get("/api/v5/cas/acme/chain").body()).isEqualTo(read("issuing.pem") + read("root.pem"));
        assertThat(http.post("/api/v5/certs", Map.of("ca", "acme", "commonName", "x", "validityDays", 40)).body())
                .contains("would outlive CA 'acme'");
    }

    @Test
    void aBrokenImportIsRefusedWithTheReason() throws IOException {
        assertRefused(importCa("reversed", read("root.pem") + read("issuing.pem"), read("issuing.key")),
                400, "not signed by the certificate after it");
        assertRefused(importCa("no-root", read("issuing.pem"), read("issuing.key")),
                400, "not a self-signed root");
        assertRefused(importCa("wrong-key", read("issuing.pem") + read("root.pem"), read("root.key")),
                400, "keyPem is not the private key of the first certificate");
        assertRefused(importCa("leaf", read("not-a-ca.pem") + read("issuing.pem") + read("root.pem"), read("leaf.key")),
                400, "is not a CA certificate");
        assertRefused(importCa("garbage", "hello", read("issuing.key")), 400, "chainPem holds no PEM block");
        assertRefused(importCa("Bad Name", read("issuing.pem") + read("root.pem"), read("issuing.key")),
                400, "lowercase letters");
        assertRefused(importCa("default", read("issuing.pem") + read("root.pem"), read("issuing.key")),
                409, "already exists");
    }

    private HttpResponse<String> importCa(String name, String chainPem, String keyPem) {
        return http.post("/api/v5/cas", Map.of("name", name, "chainPem", chainPem, "keyPem", keyPem));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json(response);
        assertThat(problem.path("detail").asString()).contains(reason);
        assertThat(response.body()).doesNotContain("PRIVATE KEY");
    }

    private static String read(String name) throws IOException {
        return Files.readString(pki.resolve(name));
    }

    private static OpenSsl.Result openssl(String... arguments) {
        OpenSsl.Result result = OpenSsl.run(pki, arguments);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }
}
