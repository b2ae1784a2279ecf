package dev.ferrite.cert.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.issue.CertificateIssuer;
import dev.ferrite.cert.issue.IssueRequest;
import dev.ferrite.cert.issue.RevocationReason;
import dev.ferrite.cert.issue.Revocations;
import dev.ferrite.cert.pem.Pem;
import dev.ferrite.cert.testing.OpenSsl;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The responder as relying parties that share no code with it see it: the openssl command line,
 * and the JDK's PKIX validator with its OCSP revocation checker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@DirtiesContext
class OcspRelyingPartyIntegrationTest {

    private static final int PORT = OcspTestServer.freePort();
    private static final String URL = OcspTestServer.ocspUrl(PORT, CaRegistry.DEFAULT_CA);
    /** How openssl prints revocation times. */
    private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        OcspTestServer.register(registry, PORT, dataDir);
    }

    @Autowired
    CertificateIssuer issuer;

    @Autowired
    Revocations revocations;

    @Autowired
    CaRegistry cas;

    @TempDir
    Path files;

    private CertificateAuthority ca;

    @BeforeEach
    void writeTheChain() throws IOException {
        ca = cas.get(CaRegistry.DEFAULT_CA);
        Files.writeString(files.resolve("intermediate.pem"), Pem.encode(ca.issuer()));
        Files.writeString(files.resolve("root.pem"), Pem.encode(ca.root()));
        Files.writeString(files.resolve("chain.pem"), Pem.encode(ca.issuer(), ca.root()));
    }

    @Test
    void aCertificateIsGoodUntilItIsRevokedThenRevokedWithTimeAndReason() throws IOException {
        X509Certificate leaf = issue("sensor-revoked-later", "leaf.pem");

        OpenSsl.Result before = ocsp("-issuer", "intermediate.pem", "-cert", "leaf.pem");

        assertThat(before.output()).contains("Response verify OK", "leaf.pem: good").doesNotContain("revoked");
        assertThat(before.exitCode()).isZero();

        Instant revokedAt = revocations.revoke(serial(leaf), RevocationReason.KEY_COMPROMISE).revokedAt();
        OpenSsl.Result after = ocsp("-issuer", "intermediate.pem", "-cert", "leaf.pem");

        assertThat(after.output()).contains("Response verify OK", "leaf.pem: revoked", "Reason: keyCompromise",
                "Revocation Time: " + OPENSSL_TIME.format(revokedAt.truncatedTo(ChronoUnit.SECONDS)));
        assertThat(after.exitCode()).isZero();
    }

    @Test
    void echoesTheNonceOfARequest() throws IOException {
        issue("sensor-nonce", "leaf.pem");

        OpenSsl.Result result = ocsp("-nonce", "-issuer", "intermediate.pem", "-cert", "leaf.pem",
                "-reqout", "request.der", "-respout", "response.der");

        assertThat(result.output()).contains("Response verify OK", "leaf.pem: good", "OCSP Nonce")
                .doesNotContain("WARNING");
        Extension sent = new OCSPReq(Files.readAllBytes(files.resolve("request.der")))
                .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        Extension echoed = basic(Files.readAllBytes(files.resolve("response.der")))
                .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        assertThat(sent).isNotNull();
        assertThat(echoed).isEqualTo(sent);
    }

    @Test
    void answersARequestWithoutANonceWithoutOne() throws IOException {
        issue("sensor-no-nonce", "leaf.pem");

        OpenSsl.Result result = ocsp("-no_nonce", "-issuer", "intermediate.pem", "-cert", "leaf.pem",
                "-reqout", "request.der", "-respout", "response.der");

        assertThat(result.output()).contains("Response verify OK", "leaf.pem: good").doesNotContain("WARNING");
        assertThat(new OCSPReq(Files.readAllBytes(files.resolve("request.der")))
                .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNull();
        assertThat(basic(Files.readAllBytes(files.resolve("response.der")))
                .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNull();
    }

    @Test
    void aSerialTheCaNeverIssuedIsUnknown() {
        OpenSsl.Result result = ocsp("-issuer", "intermediate.pem", "-serial", "0x5eed0000000000000000000000000001");

        assertThat(result.output()).contains("Response verify OK", "0x5eed0000000000000000000000000001: unknown");
    }

    @Test
    void answersSha256CertIdsAndSeveralCertificatesInOneRequest() throws IOException {
        issue("sensor-sha256-good", "good.pem");
        X509Certificate revoked = issue("sensor-sha256-revoked", "revoked.pem");
        revocations.revoke(serial(revoked), RevocationReason.SUPERSEDED);

        OpenSsl.Result result = ocsp("-sha256", "-issuer", "intermediate.pem", "-cert", "good.pem", "-cert", "revoked.pem",
                "-serial", "0x5eed0000000000000000000000000002", "-respout", "response.der");

        assertThat(result.output()).contains("Response verify OK", "good.pem: good", "revoked.pem: revoked",
                "Reason: superseded", "0x5eed0000000000000000000000000002: unknown");
        assertThat(basic(Files.readAllBytes(files.resolve("response.der"))).getResponses())
                .extracting(single -> single.getCertID().getHashAlgOID().getId())
                .containsOnly("2.16.840.1.101.3.4.2.1");
    }

    @Test
    void aResponseCanBeCachedForAnHour() {
        OpenSsl.Result result = ocsp("-issuer", "intermediate.pem", "-serial", "0x5eed0000000000000000000000000003");

        String thisUpdate = line(result.output(), "This Update: ");
        String nextUpdate = line(result.output(), "Next Update: ");
        assertThat(Duration.between(parseOpensslTime(thisUpdate), parseOpensslTime(nextUpdate))).isEqualTo(Duration.ofHours(1));
        assertThat(parseOpensslTime(thisUpdate)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void theJdkValidatorAcceptsAGoodCertificateAndRejectsItOnceRevoked() throws Exception {
        X509Certificate leaf = issue("sensor-jdk", "leaf.pem");

        validate(leaf, null);
        validate(leaf, URI.create(URL));

        revocations.revoke(serial(leaf), RevocationReason.AFFILIATION_CHANGED);

        for (URI responder : new URI[] {null, URI.create(URL)}) {
            assertThatThrownBy(() -> validate(leaf, responder))
                    .isInstanceOfSatisfying(CertPathValidatorException.class, e -> {
                        assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
                        assertThat(e.getCause()).isInstanceOfSatisfying(CertificateRevokedException.class,
                                revoked -> assertThat(revoked.getRevocationReason()).isEqualTo(CRLReason.AFFILIATION_CHANGED));
                    });
        }
    }

    /**
     * PKIX from the CA's root, the revocation of the leaf checked by OCSP only.
     *
     * @param responder where to ask; null to follow the certificate's Authority Information Access
     */
    private void validate(X509Certificate leaf, URI responder) throws GeneralSecurityException {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
        if (responder != null) {
            checker.setOcspResponder(responder);
        }
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.root(), null)));
        parameters.addCertPathChecker(checker);
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, ca.issuer()));
        validator.validate(path, parameters);
    }

    private OpenSsl.Result ocsp(String... request) {
        String[] args = new String[request.length + 6];
        args[0] = "ocsp";
        System.arraycopy(request, 0, args, 1, request.length);
        System.arraycopy(new String[] {"-url", URL, "-CAfile", "chain.pem", "-resp_text"}, 0, args, request.length + 1, 5);
        return OpenSsl.run(files, args);
    }

    private X509Certificate issue(String commonName, String file) throws IOException {
        X509Certificate certificate = issuer.issue(new IssueRequest(CaRegistry.DEFAULT_CA, commonName, null, "device", null,
                null, null)).x509();
        Files.writeString(files.resolve(file), Pem.encode(certificate));
        return certificate;
    }

    private static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    private static BasicOCSPResp basic(byte[] der) throws IOException {
        try {
            OCSPResp response = new OCSPResp(der);
            assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
            return (BasicOCSPResp) response.getResponseObject();
        } catch (OCSPException e) {
            throw new AssertionError(e);
        }
    }

    private static String line(String output, String prefix) {
        return output.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError("No '" + prefix + "' in\n" + output));
    }

    private static Instant parseOpensslTime(String text) {
        return OPENSSL_TIME.parse(text, Instant::from);
    }
}
