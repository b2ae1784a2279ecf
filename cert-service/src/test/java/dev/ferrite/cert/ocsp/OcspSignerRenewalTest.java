package dev.ferrite.cert.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import dev.ferrite.cert.testing.MovableClock;
import dev.ferrite.cert.testing.MovableClockConfiguration;
import dev.ferrite.cert.ca.CaFactory;
import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.issue.IssuedCertificateRepository;
import dev.ferrite.cert.issue.Profile;
import dev.ferrite.cert.issue.RevocationReason;
import dev.ferrite.cert.issue.Revocations;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delegated signers over time, driven by a clock the test moves; the responder called in-process. */
@SpringBootTest(properties = "ferrite.cert.ocsp.signer-check-interval=200ms")
@Import(MovableClockConfiguration.class)
@DirtiesContext
class OcspSignerRenewalTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @Autowired
    MovableClock clock;

    @Autowired
    OcspSigners signers;

    @Autowired
    OcspResponder responder;

    @Autowired
    Revocations revocations;

    @Autowired
    IssuedCertificateRepository repository;

    @Autowired
    CaRegistry cas;

    private CertificateAuthority ca;

    @BeforeEach
    void defaultCa() {
        ca = cas.get(CaRegistry.DEFAULT_CA);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theScheduleRenewsASignerOnceLessThanAThirdOfItsSevenDaysRemain() throws Exception {
        OcspSigner first = signers.signerFor(ca);

        clock.moveAhead(Duration.ofDays(4).plus(Duration.ofHours(12)));
        signers.renewDue();

        assertThat(signers.signerFor(ca)).isSameAs(first);

        clock.moveAhead(Duration.ofHours(12));
        await().atMost(Duration.ofSeconds(10)).until(() -> signers.signerFor(ca) != first);

        OcspSigner renewed = signers.signerFor(ca);
        assertThat(renewed.certificate().getNotBefore().toInstant())
                .isCloseTo(clock.instant().minus(CaFactory.BACKDATE), within(1, ChronoUnit.MINUTES));
        assertThat(renewed.notAfter()).isCloseTo(clock.instant().plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES));
        assertThat(renewed.certificate().getPublicKey()).isNotEqualTo(first.certificate().getPublicKey());
        assertThat(repository.findBySerial(renewed.serial())).hasValueSatisfying(
                recorded -> assertThat(recorded.profile()).isEqualTo(Profile.OCSP_SIGNING));
        assertThat(signedBy(responder.respond(ca.name(), nonceRequest()))).isEqualTo(renewed);
    }

    @Test
    void aRevokedSignerIsReplacedBeforeTheNextAnswer() throws Exception {
        OcspSigner revoked = signers.signerFor(ca);

        revocations.revoke(revoked.serial(), RevocationReason.KEY_COMPROMISE);
        byte[] response = responder.respond(ca.name(), nonceRequest());

        OcspSigner replacement = signers.signerFor(ca);
        assertThat(replacement.serial()).isNotEqualTo(revoked.serial());
        assertThat(signedBy(response)).isEqualTo(replacement);
    }

    private byte[] nonceRequest() {
        return OcspClient.der(OcspClient.requestWithNonce(OcspClient.certId(ca.issuer(), BigInteger.TEN)));
    }

    /** The signer whose certificate a response carries, checked to have signed it. */
    private OcspSigner signedBy(byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        OcspSigner current = signers.signerFor(ca);
        assertThat(basic.getCerts()).containsExactly(new JcaX509CertificateHolder(current.certificate()));
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(current.certificate().getPublicKey()))).isTrue();
        return current;
    }
}
