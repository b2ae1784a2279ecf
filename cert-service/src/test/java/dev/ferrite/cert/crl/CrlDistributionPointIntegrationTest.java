package dev.ferrite.cert.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferrite.cert.testing.OpenSsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ferrite.cert.public-url=https://pki.ferrite.test")
@Import(TestApiKey.class)
class CrlDistributionPointIntegrationTest {

    private static final String CRL = "/crl/default.crl";
    private static final String DISTRIBUTION_POINT = "https://pki.ferrite.test/crl/default.crl";
    private static final Pattern CRL_NUMBER = Pattern.compile("X509v3 CRL Number:\\s*\\n\\s*(\\d+)");
    private static final Pattern ENTRY_SERIAL = Pattern.compile("Serial Number: ([0-9A-F]+)");

    @TempDir
    static Path dataDir;

    @TempDir
    Path files;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private CertHttp http;
    private X509Certificate root;
    private X509Certificate intermediate;

    record Issued(String serial, String certificatePem) {
    }

    @BeforeEach
    void writeTheChain() throws IOException {
        http = new CertHttp(port);
        String chain = http.getText("/api/v5/cas/default/chain");
        String[] pems = chain.split("(?<=-----END CERTIFICATE-----)\\s*");
        assertThat(pems).hasSize(2);
        Files.writeString(files.resolve("intermediate.pem"), pems[0]);
        Files.writeString(files.resolve("root.pem"), pems[1]);
        intermediate = Crls.certificate(pems[0]);
        root = Crls.certificate(pems[1]);
    }

    @Test
    void opensslAcceptsAGoodCertificateAndRejectsARevokedOneWithTheFetchedCrl() throws IOException {
        Issued good = issue("sensor-good");
        Issued bad = issue("sensor-bad");
        assertVerifiedWithoutCrl(good);
        assertVerifiedWithoutCrl(bad);

        revoke(bad, "keyCompromise");
        writeFetchedCrlAsPem();

        OpenSsl.Result goodResult = verifyWithCrl(good);
        assertThat(goodResult.exitCode()).as(goodResult.output()).isZero();
        assertThat(goodResult.output()).contains(good.serial() + ".pem: OK");
        OpenSsl.Result badResult = verifyWithCrl(bad);
        assertThat(badResult.exitCode()).as(badResult.output()).isNotZero();
        assertThat(badResult.output()).contains("certificate revoked");
    }

    @Test
    void opensslReadsARisingCrlNumberTheDistributionPointTheIssuerAndTheReasons() {
        Issued superseded = issue("sensor-superseded");
        Issued unspecified = issue("sensor-unspecified");
        revoke(superseded, "superseded");
        long before = crlNumber(crlText());

        revoke(unspecified, "unspecified");
        String text = crlText();

        assertThat(crlNumber(text)).isGreaterThan(before);
        assertThat(text).contains("Issuer: O = Ferrite, CN = Ferrite default Issuing CA");
        assertThat(text).containsPattern("X509v3 Issuing Distribution Point: critical\\s*\\n\\s*Full Name:\\s*\\n\\s*URI:"
                + Pattern.quote(DISTRIBUTION_POINT) + "\\s*Only User Certificates");
        assertThat(text).containsPattern("X509v3 Authority Key Identifier:\\s*\\n\\s*(keyid:)?"
                + Pattern.quote(subjectKeyIdentifierOfIntermediate()));
        assertThat(entry(text, superseded)).containsPattern("X509v3 CRL Reason Code:\\s*\\n\\s*Superseded");
        assertThat(entry(text, unspecified)).contains("Revocation Date").doesNotContain("Reason Code");
    }

    @Test
    void javaPkixValidationPassesAGoodCertificateAndFailsARevokedOneAsRevoked() throws GeneralSecurityException {
        Issued good = issue("sensor-pkix-good");
        Issued bad = issue("sensor-pkix-bad");
        revoke(bad, "cessationOfOperation");
        X509CRL crl = Crls.parse(fetch(CRL).body());

        validateWithCrl(good, crl);
        assertThatThrownBy(() -> validateWithCrl(bad, crl))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e ->
                        assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
        assertThat(crl.getRevokedCertificate(Crls.serial(bad.serial())).getRevocationReason())
                .isEqualTo(CRLReason.CESSATION_OF_OPERATION);
    }

    @Test
    void servesTheCrlAsDerAndTheSameAsPemWithCachingHeaders() throws IOException, GeneralSecurityException {
        revokeInANewSecond(issue("sensor-headers"), "affiliationChanged");

        HttpResponse<byte[]> der = fetch(CRL);
        HttpResponse<byte[]> pem = fetch("/crl/default.pem");

        assertThat(der.statusCode()).isEqualTo(200);
        assertThat(der.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        X509CRL crl = Crls.parse(der.body());
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        assertThat(Duration.between(thisUpdate, crl.getNextUpdate().toInstant())).isEqualTo(Duration.ofHours(24));
        assertThat(crl.getIssuerX500Principal()).isEqualTo(intermediate.getSubjectX500Principal());
        crl.verify(intermediate.getPublicKey());
        assertThat(der.headers().firstValue("ETag")).hasValue("\"crl-" + Crls.number(crl) + "\"");
        assertThat(der.headers().firstValue("Last-Modified")).map(CrlDistributionPointIntegrationTest::httpDate)
                .hasValue(thisUpdate);
        assertThat(maxAge(der)).isCloseTo(Duration.between(Instant.now(), crl.getNextUpdate().toInstant()).toSeconds(),
                within(5L));
        assertThat(der.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("public"));
        assertThat(der.headers().firstValue("Pragma")).isEmpty();

        assertThat(pem.statusCode()).isEqualTo(200);
        assertThat(pem.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-pem-file"));
        String pemText = new String(pem.body(), StandardCharsets.US_ASCII);
        assertThat(pemText).startsWith("-----BEGIN X509 CRL-----").contains("-----END X509 CRL-----");
        assertThat(base64Body(pemText)).isEqualTo(der.body());
        Files.writeString(files.resolve("served.pem"), pemText);
        OpenSsl.Result read = OpenSsl.run(files, "crl", "-in", "served.pem", "-noout", "-crlnumber");
        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.output()).contains("crlNumber=");
    }

    @Test
    void answersNotModifiedToItsEtagOrDateUntilARevocationChangesTheCrl() {
        revokeInANewSecond(issue("sensor-conditional-1"), "keyCompromise");
        HttpResponse<byte[]> first = fetch(CRL);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> byEtag = fetch(CRL, "If-None-Match", etag);
        HttpResponse<byte[]> byDate = fetch(CRL, "If-Modified-Since", lastModified);
        HttpResponse<byte[]> byOtherEtag = fetch(CRL, "If-None-Match", "\"crl-0\"");

        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byEtag.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age="));
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(byOtherEtag.statusCode()).isEqualTo(200);

        Issued revoked = issue("sensor-conditional-2");
        revoke(revoked, "keyCompromise");
        HttpResponse<byte[]> changedByEtag = fetch(CRL, "If-None-Match", etag);
        HttpResponse<byte[]> changedByDate = fetch(CRL, "If-Modified-Since", lastModified);

        assertThat(changedByEtag.statusCode()).isEqualTo(200);
        assertThat(changedByEtag.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(Crls.parse(changedByEtag.body()).getRevokedCertificate(Crls.serial(revoked.serial()))).isNotNull();
        assertThat(changedByDate.statusCode()).isEqualTo(200);
        assertThat(Crls.parse(changedByDate.body()).getRevokedCertificate(Crls.serial(revoked.serial()))).isNotNull();
    }

    @Test
    void liftingAHoldRemovesTheEntry() throws IOException {
        Issued held = issue("sensor-held");
        revoke(held, "certificateHold");
        X509CRLEntry entry = Crls.parse(fetch(CRL).body()).getRevokedCertificate(Crls.serial(held.serial()));
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.CERTIFICATE_HOLD);
        writeFetchedCrlAsPem();
        assertThat(verifyWithCrl(held).output()).contains("certificate revoked");

        http.post("/api/v5/certs/" + held.serial() + "/unrevoke", "{}");

        assertThat(Crls.parse(fetch(CRL).body()).getRevokedCertificate(Crls.serial(held.serial()))).isNull();
        writeFetchedCrlAsPem();
        OpenSsl.Result lifted = verifyWithCrl(held);
        assertThat(lifted.exitCode()).as(lifted.output()).isZero();
    }

    @Test
    void anUnknownCaIsNotFound() {
        for (String path : List.of("/crl/nope.crl", "/crl/nope.pem")) {
            HttpResponse<byte[]> response = fetch(path, "Accept", "application/pkix-crl, */*");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(CertHttp.json(response).path("detail").asString()).isEqualTo("No CA named 'nope'");
        }
    }

    @Test
    void countsSignedCrlsAndReportsTheTimeToNextUpdate() {
        fetch(CRL);
        double signedBefore = metric("ferrite_cert_crl_signed_total{ca=\"default\"}");

        revoke(issue("sensor-metrics"), "privilegeWithdrawn");

        assertThat(metric("ferrite_cert_crl_signed_total{ca=\"default\"}")).isEqualTo(signedBefore + 1);
        assertThat(metric("ferrite_cert_crl_time_to_next_update_seconds{ca=\"default\"}"))
                .isBetween((double) Duration.ofHours(24).minusMinutes(1).toSeconds(), (double) Duration.ofHours(24).toSeconds());
    }

    private Issued issue(String commonName) {
        JsonNode issued = http.post("/api/v5/certs", "{\"commonName\":\"" + commonName + "\"}");
        Issued result = new Issued(issued.path("serial").asString(), issued.path("certificatePem").asString());
        try {
            Files.writeString(files.resolve(result.serial() + ".pem"), result.certificatePem());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return result;
    }

    private void revoke(Issued certificate, String reason) {
        JsonNode revoked = http.post("/api/v5/certs/" + certificate.serial() + "/revoke", "{\"reason\":\"" + reason + "\"}");
        assertThat(revoked.path("status").asString()).isEqualTo("revoked");
    }

    /** So that the new CRL's thisUpdate, a whole second, is its own and Last-Modified is sent. */
    private void revokeInANewSecond(Issued certificate, String reason) {
        Instant current = Crls.parse(fetch(CRL).body()).getThisUpdate().toInstant();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(current));
        revoke(certificate, reason);
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) {
        return http.fetch(path, headers);
    }

    private void writeFetchedCrlAsPem() throws IOException {
        HttpResponse<byte[]> response = fetch(CRL);
        assertThat(response.statusCode()).isEqualTo(200);
        Files.write(files.resolve("crl.der"), response.body());
        OpenSsl.Result converted = OpenSsl.run(files, "crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem");
        assertThat(converted.exitCode()).as(converted.output()).isZero();
    }

    private String crlText() {
        try {
            Files.write(files.resolve("crl.der"), fetch(CRL).body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        OpenSsl.Result text = OpenSsl.run(files, "crl", "-inform", "DER", "-in", "crl.der", "-noout", "-text");
        assertThat(text.exitCode()).as(text.output()).isZero();
        return text.output();
    }

    private String subjectKeyIdentifierOfIntermediate() {
        OpenSsl.Result text = OpenSsl.run(files, "x509", "-in", "intermediate.pem", "-noout", "-ext", "subjectKeyIdentifier");
        Matcher keyId = Pattern.compile("([0-9A-F]{2}(:[0-9A-F]{2})+)").matcher(text.output());
        assertThat(keyId.find()).as(text.output()).isTrue();
        return keyId.group(1);
    }

    private void assertVerifiedWithoutCrl(Issued certificate) {
        OpenSsl.Result result = OpenSsl.run(files, "verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem",
                certificate.serial() + ".pem");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(": OK");
    }

    private OpenSsl.Result verifyWithCrl(Issued certificate) {
        return OpenSsl.run(files, "verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "root.pem",
                "-untrusted", "intermediate.pem", certificate.serial() + ".pem");
    }

    private void validateWithCrl(Issued certificate, X509CRL crl) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.addCertPathChecker(revocation);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        validator.validate(factory.generateCertPath(List.of(Crls.certificate(certificate.certificatePem()), intermediate)),
                parameters);
    }

    private static long crlNumber(String text) {
        Matcher number = CRL_NUMBER.matcher(text);
        assertThat(number.find()).as(text).isTrue();
        return Long.parseLong(number.group(1));
    }

    /** The text openssl prints for one revoked certificate. */
    private static String entry(String text, Issued certificate) {
        Matcher serials = ENTRY_SERIAL.matcher(text);
        BigInteger wanted = Crls.serial(certificate.serial());
        while (serials.find()) {
            if (new BigInteger(serials.group(1), 16).equals(wanted)) {
                int end = text.indexOf("Serial Number:", serials.end());
                int signature = text.indexOf("Signature Algorithm", serials.end());
                return text.substring(serials.start(), end >= 0 ? end : signature >= 0 ? signature : text.length());
            }
        }
        throw new AssertionError("No entry for " + certificate.serial() + " in\n" + text);
    }

    private double metric(String series) {
        String scrape = new String(fetch("/actuator/prometheus").body(), StandardCharsets.UTF_8);
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("No " + series + " in\n" + scrape));
    }

    private static long maxAge(HttpResponse<byte[]> response) {
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(response.headers().firstValue("Cache-Control").orElse(""));
        assertThat(maxAge.find()).as(response.headers().toString()).isTrue();
        return Long.parseLong(maxAge.group(1));
    }

    private static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC).toInstant();
    }

    private static byte[] base64Body(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) X509 CRL-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
