package dev.ferrite.tls.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import dev.ferrite.tls.RevocationAnswer;
import dev.ferrite.tls.RevocationStatus;
import dev.ferrite.tls.testing.MutableClock;
import dev.ferrite.tls.testing.TestHttpServer;
import dev.ferrite.tls.testing.TestOcspResponder;
import dev.ferrite.tls.testing.TestOcspResponder.Status;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OcspClientTest {

    private static final Instant START = Instant.now();
    private static TestPki pki;

    private final MutableClock clock = new MutableClock(START);
    private final TestHttpServer http = new TestHttpServer();
    private final TestOcspResponder responder = new TestOcspResponder(pki.intermediate(), clock);

    @BeforeAll
    static void makePki() {
        pki = new TestPki(START);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void theResponderNamedInTheCertificateAnswersGoodRevokedAndUnknown() {
        http.answer("/ocsp", responder.http());
        Issued good = device();
        Issued revoked = device();
        Issued unknown = device();
        responder.status(revoked.serial(), Status.REVOKED).status(unknown.serial(), Status.UNKNOWN);
        OcspClient client = client(OcspSettings.defaults());

        assertThat(check(client, good).status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(check(client, revoked).status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(check(client, unknown).status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(http.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Content-Type")).isEqualTo("application/ocsp-request");
        });
    }

    @Test
    void aResponseIsCachedUntilItsNextUpdate() {
        http.answer("/ocsp", responder.window(Duration.ofMinutes(-1), Duration.ofMinutes(10)).http());
        Issued device = device();
        OcspClient client = client(OcspSettings.defaults());

        check(client, device);
        clock.advance(Duration.ofMinutes(8));
        RevocationAnswer cached = check(client, device);
        assertThat(http.requests()).hasSize(1);
        assertThat(cached.detail()).startsWith("good: OCSP response cached until ");

        clock.advance(Duration.ofMinutes(1));
        assertThat(check(client, device).status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(http.requests()).hasSize(2);
    }

    @Test
    void aDelegatedResponderCertifiedByTheIssuerIsAccepted() throws Exception {
        http.answer("/ocsp", responder.signedBy(pki.ocspSigner(pki.intermediate())).http());
        Issued device = device();

        VerifiedOcspResponse response = client(OcspSettings.defaults()).fetch(device.certificate(),
                pki.intermediate().certificate());

        assertThat(response.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(response.signer()).startsWith("CN=OCSP signer of");
    }

    @Test
    void aDelegateWithoutTheOcspSigningPurposeIsRefused() {
        http.answer("/ocsp", responder.signedBy(pki.plainSigner(pki.intermediate())).http());

        assertRefused(device(), "the OCSP response's signer CN=Not an OCSP signer is not certified for OCSP signing");
    }

    @Test
    void anExpiredDelegateIsRefused() {
        http.answer("/ocsp", responder.signedBy(pki.ocspSigner(pki.intermediate(), START.minus(Duration.ofDays(2)),
                START.minus(Duration.ofDays(1)))).http());

        assertRefused(device(), "is outside its validity");
    }

    @Test
    void aDelegateOfAnotherIssuerIsRefused() {
        http.answer("/ocsp", responder.signedBy(pki.ocspSigner(pki.root())).http());

        assertRefused(device(), "the OCSP response is signed neither by CN=Test Intermediate nor by a responder it delegated to");
    }

    @Test
    void aResponseSignedByAnotherCaIsRefused() {
        TestPki other = new TestPki(START);
        // Same issuer name, another key: only the signature tells them apart.
        http.answer("/ocsp", new TestOcspResponder(other.intermediate(), clock).http());

        assertRefused(device(), "signed neither by CN=Test Intermediate");
    }

    @Test
    void aTamperedResponseIsRefused() {
        http.answer("/ocsp", responder.tamper(true).http());

        assertRefused(device(), "signed neither by");
    }

    @Test
    void anAnswerForAnotherCertificateIsRefused() {
        Issued device = device();
        Issued other = device();
        http.answer("/ocsp", (exchange, body) -> {
            byte[] forOther = responder.respond(dev.ferrite.tls.ocsp.OcspRequest.of(other.certificate(),
                    pki.intermediate().certificate(), false).der());
            exchange.sendResponseHeaders(200, forOther.length);
            exchange.getResponseBody().write(forOther);
        });

        assertRefused(device, "the OCSP response has no answer for serial " + device.serial().toString(16));
    }

    @Test
    void anExpiredResponseIsRefused() {
        http.answer("/ocsp", responder.window(Duration.ofHours(-2), Duration.ofHours(1)).http());

        assertRefused(device(), "the OCSP response expired at");
    }

    @Test
    void aResponseFromTheFutureIsRefusedBeyondTheClockSkewAndAcceptedWithinIt() {
        http.answer("/ocsp", responder.window(Duration.ofMinutes(10), Duration.ofHours(1)).http());
        assertRefused(device(), "is in the future");

        responder.window(Duration.ofMinutes(2), Duration.ofHours(1));
        assertThat(check(client(OcspSettings.defaults()), device()).status()).isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void aResponseWithoutNextUpdateIsUsedForTheConfiguredTime() throws Exception {
        http.answer("/ocsp", responder.window(Duration.ofMinutes(-1), null).http());

        VerifiedOcspResponse response = client(OcspSettings.defaults()).fetch(device().certificate(),
                pki.intermediate().certificate());

        assertThat(response.validUntil()).isEqualTo(response.thisUpdate().plus(Duration.ofHours(1)));
    }

    @Test
    void aNonceIsOptionalButAWrongOneIsRefused() throws Exception {
        http.answer("/ocsp", responder.http());
        OcspClient withNonce = client(OcspSettings.defaults().withSendNonce(true));
        assertThat(check(withNonce, device()).status()).isEqualTo(RevocationStatus.GOOD);

        responder.echoNonce(false);
        assertThat(check(withNonce, device()).status()).isEqualTo(RevocationStatus.GOOD);

        responder.wrongNonce(new DEROctetString(new byte[] { 1, 2, 3, 4 }).getEncoded());
        RevocationAnswer answer = check(withNonce, device());
        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).isEqualTo("the OCSP response's nonce is not the one we sent");
    }

    @Test
    void aResponderErrorStatusIsNamed() {
        http.answer("/ocsp", responder.errorStatus(OCSPRespBuilder.TRY_LATER).http());

        assertRefused(device(), "the OCSP responder answered tryLater");
    }

    @Test
    void aFailingResponderIsUnknownAndNotCached() {
        http.fail("/ocsp", 500);
        Issued device = device();
        OcspClient client = client(OcspSettings.defaults());

        RevocationAnswer answer = check(client, device);
        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).isEqualTo("HTTP 500 from OCSP responder " + http.url("/ocsp"));

        http.answer("/ocsp", responder.http());
        assertThat(check(client, device).status()).isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void aResponderThatHangsTimesOut() {
        http.hang("/ocsp");
        OcspClient client = client(OcspSettings.defaults().withHttpTimeout(Duration.ofMillis(300)));

        RevocationAnswer answer = check(client, device());

        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).isEqualTo("no answer from OCSP responder " + http.url("/ocsp") + " within 300 ms");
    }

    @Test
    void aConfiguredResponderIsAskedInsteadOfTheCertificatesAndWithoutEitherThereIsNoAnswer() {
        http.answer("/configured", responder.http());
        Issued bare = pki.leaf("bare");

        assertThat(check(client(OcspSettings.defaults().withResponderUrl(http.url("/configured"))), bare).status())
                .isEqualTo(RevocationStatus.GOOD);
        assertThat(check(client(OcspSettings.defaults()), bare).detail())
                .isEqualTo("the certificate names no OCSP responder and none is configured");
    }

    private void assertRefused(Issued device, String reason) {
        assertThatThrownBy(() -> client(OcspSettings.defaults()).fetch(device.certificate(),
                pki.intermediate().certificate()))
                .isInstanceOf(OcspException.class)
                .hasMessageContaining(reason);
    }

    private Issued device() {
        return pki.leaf("device", pki.leafOptions().ocspUrl(http.url("/ocsp").toString()));
    }

    private OcspClient client(OcspSettings settings) {
        return new OcspClient(settings, clock);
    }

    private static RevocationAnswer check(OcspClient client, Issued device) {
        return client.check(device.certificate(), pki.intermediate().certificate());
    }
}
