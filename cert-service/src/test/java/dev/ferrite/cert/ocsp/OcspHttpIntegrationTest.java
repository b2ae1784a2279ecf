package dev.ferrite.cert.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Predicate;

import dev.ferrite.cert.ca.CaFactory;
import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.ca.KeyType;
import dev.ferrite.cert.issue.CertificateIssuer;
import dev.ferrite.cert.issue.IssueRequest;
import dev.ferrite.cert.issue.IssuedCertificate;
import dev.ferrite.cert.issue.IssuedCertificateRepository;
import dev.ferrite.cert.issue.Profile;
import dev.ferrite.cert.issue.RevocationReason;
import dev.ferrite.cert.issue.Revocations;
import dev.ferrite.cert.pem.Pem;
import io.micrometer.core.instrument.MeterRegistry;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OCSP endpoints over real HTTP: request forms, error statuses, the signer, the cache, the metrics. */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "ferrite.cert.ocsp.cache-ttl=10m")
@DirtiesContext
class OcspHttpIntegrationTest {

    private static final int PORT = OcspTestServer.freePort();
    private static final String DEFAULT = CaRegistry.DEFAULT_CA;

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

    @Autowired
    IssuedCertificateRepository repository;

    @Autowired
    MeterRegistry meters;

    private final OcspClient client = new OcspClient(PORT);
    private CertificateAuthority ca;

    @BeforeEach
    void defaultCa() {
        ca = cas.get(DEFAULT);
    }

    @Test
    void aGetRequestRoutesWhateverSlashesAndPlusesItsBase64Has() {
        CertificateID id = OcspClient.certId(ca.issuer(), issue("sensor-get").getSerialNumber());
        OCSPReq slashAndPlus = requestWhoseBase64(id, base64 -> base64.contains("/") && base64.contains("+"));
        OCSPReq doubleSlash = requestWhoseBase64(id, base64 -> base64.contains("//"));

        for (OCSPReq request : new OCSPReq[] {slashAndPlus, doubleSlash}) {
            String base64 = Base64.getEncoder().encodeToString(OcspClient.der(request));
            String urlEncoded = URLEncoder.encode(base64, StandardCharsets.UTF_8);
            assertThat(urlEncoded).contains("%2F");

            for (String pathTail : new String[] {urlEncoded, base64}) {
                BasicOCSPResp response = basic(OcspClient.parse(OcspClient.expectOk(client.get(DEFAULT, pathTail))));
                assertThat(response.getResponses()).singleElement()
                        .satisfies(single -> assertThat(single.getCertStatus()).isEqualTo(CertificateStatus.GOOD));
                assertThat(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce))
                        .isEqualTo(request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
            }
        }
    }

    @Test
    void garbageGetsMalformedRequestNeverAStackTrace() {
        double malformedBefore = responses("malformed");
        byte[] garbage = "this is not DER at all".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<byte[]> posted = client.post(DEFAULT, garbage, "application/ocsp-request");
        HttpResponse<byte[]> empty = client.post(DEFAULT, new byte[0], "application/ocsp-request");
        HttpResponse<byte[]> fetched = client.get(DEFAULT, "bm90IGFuIE9DU1AgcmVxdWVzdA==");
        HttpResponse<byte[]> notBase64 = client.get(DEFAULT, "***");

        for (HttpResponse<byte[]> response : Arrays.asList(posted, empty, fetched, notBase64)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(OcspClient.parse(response).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
        assertThat(responses("malformed") - malformedBefore).isEqualTo(4);
    }

    @Test
    void anUnknownCaIsUnauthorized() {
        double before = responses("unauthorized");
        OCSPReq request = OcspClient.request(OcspClient.certId(ca.issuer(), issue("sensor-other-ca").getSerialNumber()));

        OCSPResp response = client.post("no-such-ca", request);

        assertThat(response.getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
        assertThat(responses("unauthorized") - before).isEqualTo(1);
    }

    @Test
    void aRequestOverTheSizeLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] tooLarge = new byte[64 * 1024 + 1];
        HttpClient http = HttpClient.newHttpClient();
        URI url = URI.create(OcspTestServer.ocspUrl(PORT, DEFAULT));

        HttpResponse<byte[]> declared = client.post(DEFAULT, tooLarge, "application/ocsp-request");
        HttpResponse<byte[]> chunked = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        for (HttpResponse<byte[]> response : Arrays.asList(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(OcspClient.parse(response).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }

    @Test
    void signsWithADelegatedSignerThatTheCaIssuedAndRecorded() throws Exception {
        X509Certificate leaf = issue("sensor-signer");

        BasicOCSPResp response = basic(client.post(DEFAULT, OcspClient.request(OcspClient.certId(ca.issuer(), leaf.getSerialNumber()))));

        assertThat(response.getCerts()).hasSize(1);
        X509CertificateHolder signerHolder = response.getCerts()[0];
        X509Certificate signer = new JcaX509CertificateConverter().getCertificate(signerHolder);
        assertThat(response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signerHolder))).isTrue();
        byte[] signerKeyHash = MessageDigest.getInstance("SHA-1")
                .digest(SubjectPublicKeyInfo.getInstance(signer.getPublicKey().getEncoded()).getPublicKeyData().getBytes());
        assertThat(response.getResponderId().toASN1Primitive().getKeyHash()).isEqualTo(signerKeyHash);

        signer.verify(ca.issuer().getPublicKey());
        assertThat(signer.getIssuerX500Principal()).isEqualTo(ca.issuer().getSubjectX500Principal());
        assertThat(signer.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_OCSPSigning.getId());
        assertThat(signer.getNonCriticalExtensionOIDs()).contains(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId());
        assertThat(signer.getBasicConstraints()).isEqualTo(-1);
        assertThat(Duration.between(signer.getNotBefore().toInstant(), signer.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(7).plus(CaFactory.BACKDATE));

        IssuedCertificate recorded = repository.findBySerial(signer.getSerialNumber().toString(16)).orElseThrow();
        assertThat(recorded.profile()).isEqualTo(Profile.OCSP_SIGNING);
        assertThat(recorded.ca()).isEqualTo(DEFAULT);
        assertThat(Pem.certificates(recorded.certificatePem(), "recorded").get(0)).isEqualTo(signer);

        SingleResp single = response.getResponses()[0];
        assertThat(single.getThisUpdate().toInstant()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(Duration.between(single.getThisUpdate().toInstant(), single.getNextUpdate().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(response.getProducedAt()).isEqualTo(single.getThisUpdate());
    }

    @Test
    void aCertIdForAnotherIssuerOrAnotherCasCertificateIsUnknown() throws Exception {
        X509Certificate leaf = issue("sensor-issuer-check");
        CertificateAuthority second = cas.find("second").orElseGet(this::importSecondCa);
        X509Certificate secondLeaf = issuer.issue(new IssueRequest("second", "sensor-of-second", null, null, null, null, null)).x509();

        BasicOCSPResp atDefault = basic(client.post(DEFAULT, OcspClient.request(
                OcspClient.certId(ca.root(), leaf.getSerialNumber()),
                OcspClient.certId(ca.issuer(), secondLeaf.getSerialNumber()),
                OcspClient.certId(second.issuer(), secondLeaf.getSerialNumber()),
                OcspClient.certId(ca.issuer(), leaf.getSerialNumber()))));
        BasicOCSPResp atSecond = basic(client.post("second", OcspClient.request(
                OcspClient.certId(second.issuer(), secondLeaf.getSerialNumber()))));

        assertThat(atDefault.getResponses()).extracting(SingleResp::getCertStatus).satisfiesExactly(
                status -> assertThat(status).isInstanceOf(UnknownStatus.class),
                status -> assertThat(status).isInstanceOf(UnknownStatus.class),
                status -> assertThat(status).isInstanceOf(UnknownStatus.class),
                status -> assertThat(status).isEqualTo(CertificateStatus.GOOD));
        assertThat(atSecond.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        X509Certificate secondSigner = new JcaX509CertificateConverter().getCertificate(atSecond.getCerts()[0]);
        secondSigner.verify(second.issuer().getPublicKey());
        assertThat(atSecond.getCerts()[0]).isNotEqualTo(atDefault.getCerts()[0]);
    }

    @Test
    void answersWithoutANonceAreCachedUntilARevocationDropsThem() {
        X509Certificate leaf = issue("sensor-cached");
        OCSPReq request = OcspClient.request(OcspClient.certId(ca.issuer(), leaf.getSerialNumber()));
        double hitsBefore = cacheHits();
        double revokedBefore = responses("revoked");

        byte[] first = OcspClient.expectOk(client.post(DEFAULT, OcspClient.der(request), "application/ocsp-request")).body();
        byte[] second = OcspClient.expectOk(client.post(DEFAULT, OcspClient.der(request), "application/ocsp-request")).body();

        assertThat(second).isEqualTo(first);
        assertThat(cacheHits() - hitsBefore).isEqualTo(1);
        assertThat(basic(client.post(DEFAULT, request)).getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);

        revocations.revoke(leaf.getSerialNumber().toString(16), RevocationReason.CERTIFICATE_HOLD);
        CertificateStatus afterRevocation = basic(client.post(DEFAULT, request)).getResponses()[0].getCertStatus();

        assertThat(afterRevocation).isInstanceOfSatisfying(RevokedStatus.class,
                revoked -> assertThat(revoked.getRevocationReason()).isEqualTo(RevocationReason.CERTIFICATE_HOLD.code()));
        assertThat(responses("revoked") - revokedBefore).isEqualTo(1);

        revocations.unrevoke(leaf.getSerialNumber().toString(16));

        assertThat(basic(client.post(DEFAULT, request)).getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    }

    @Test
    void requestsWithANonceAreSignedFresh() {
        CertificateID id = OcspClient.certId(ca.issuer(), issue("sensor-fresh").getSerialNumber());
        double hitsBefore = cacheHits();
        double goodBefore = responses("good");

        BasicOCSPResp first = basic(client.post(DEFAULT, OcspClient.requestWithNonce(id)));
        BasicOCSPResp second = basic(client.post(DEFAULT, OcspClient.requestWithNonce(id)));

        assertThat(first.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce))
                .isNotEqualTo(second.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
        assertThat(cacheHits() - hitsBefore).isZero();
        assertThat(responses("good") - goodBefore).isEqualTo(2);
    }

    @Test
    void prometheusShowsTheResponsesByStatusAndTheCacheHits() {
        client.post("no-such-ca", OcspClient.request(OcspClient.certId(ca.issuer(), BigInteger.TWO)));

        HttpResponse<String> scrape = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/actuator/prometheus")).GET());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("ferrite_cert_ocsp_responses_total{status=\"unauthorized\"}",
                "ferrite_cert_ocsp_responses_total{status=\"good\"}", "ferrite_cert_ocsp_cache_hits_total");
    }

    private double responses(String status) {
        return meters.get("ferrite.cert.ocsp.responses").tag("status", status).counter().count();
    }

    private double cacheHits() {
        return meters.get("ferrite.cert.ocsp.cache.hits").counter().count();
    }

    private X509Certificate issue(String commonName) {
        return issuer.issue(new IssueRequest(DEFAULT, commonName, null, null, null, null, null)).x509();
    }

    private CertificateAuthority importSecondCa() {
        CaFactory.NewCa created = CaFactory.create("second", KeyType.EC_P256, Duration.ofDays(3650), Duration.ofDays(730),
                Instant.now());
        // PKCS#8 by hand: Pem.encode writes a JDK EC key as SEC1 without its curve, which nothing can read back.
        String keyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(created.issuerKeys().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return cas.importCa("second", Pem.encode(created.issuer(), created.root()), keyPem);
    }

    /** Nonces make each request's base64 different; one of the first few thousand has the characters asked for. */
    private static OCSPReq requestWhoseBase64(CertificateID id, Predicate<String> wanted) {
        for (int attempt = 0; attempt < 100_000; attempt++) {
            OCSPReq request = OcspClient.requestWithNonce(id);
            if (wanted.test(Base64.getEncoder().encodeToString(OcspClient.der(request)))) {
                return request;
            }
        }
        throw new AssertionError("No request with the wanted base64 found");
    }

    private static BasicOCSPResp basic(OCSPResp response) {
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        try {
            return (BasicOCSPResp) response.getResponseObject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
