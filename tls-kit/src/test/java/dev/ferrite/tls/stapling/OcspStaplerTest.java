package dev.ferrite.tls.stapling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ferrite.tls.RevocationStatus;
import dev.ferrite.tls.ocsp.OcspClient;
import dev.ferrite.tls.ocsp.OcspSettings;
import dev.ferrite.tls.ocsp.VerifiedOcspResponse;
import dev.ferrite.tls.testing.MutableClock;
import dev.ferrite.tls.testing.TestHttpServer;
import dev.ferrite.tls.testing.TestOcspResponder;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcspStaplerTest {

    private static final Instant START = Instant.now();
    private static TestPki pki;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final TestHttpServer http = new TestHttpServer();
    private final TestOcspResponder responder = new TestOcspResponder(pki.intermediate(), clock);
    private final List<String> events = new ArrayList<>();
    private final StaplingListener listener = new StaplingListener() {
        @Override
        public void refreshed(X509Certificate certificate, VerifiedOcspResponse response) {
            events.add("refreshed " + response.status());
        }

        @Override
        public void refreshFailed(X509Certificate certificate, String reason, Instant stapledUntil) {
            events.add("failed until " + stapledUntil);
        }

        @Override
        public void nothingToStaple(X509Certificate certificate, String reason) {
            events.add("nothing: " + reason);
        }
    };

    @BeforeAll
    static void makePki() {
        pki = new TestPki(START);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aVerifiedResponseIsStapledAndKeptOnDiskForTheNextProcess() throws Exception {
        http.answer("/ocsp", responder.signedBy(pki.ocspSigner(pki.intermediate())).http());
        Issued server = server();
        OcspStapler stapler = stapler(server);
        assertThat(stapler.staple()).isNull();

        assertThat(stapler.refresh()).isTrue();

        byte[] stapled = stapler.staple();
        assertThat(stapled).isNotNull();
        assertThat(stapler.current()).get().extracting(VerifiedOcspResponse::status).isEqualTo(RevocationStatus.GOOD);
        try (var files = Files.list(dir)) {
            assertThat(files).singleElement().satisfies(file -> {
                assertThat(file.getFileName().toString()).endsWith(".ocsp");
                assertThat(Files.readAllBytes(file)).isEqualTo(stapled);
            });
        }

        http.fail("/ocsp", 503);
        OcspStapler restarted = stapler(server);
        assertThat(restarted.staple()).isEqualTo(stapled);
        assertThat(http.requestsTo("/ocsp")).isEqualTo(1);
        assertThat(events).containsExactly("nothing: no OCSP response was had yet", "refreshed GOOD");
    }

    @Test
    void whileTheResponderIsDownTheCachedResponseIsStapledUntilItsNextUpdateThenNothing() {
        http.answer("/ocsp", responder.window(Duration.ofMinutes(-1), Duration.ofMinutes(30)).http());
        OcspStapler stapler = stapler(server());
        stapler.refresh();
        Instant nextUpdate = stapler.current().orElseThrow().validUntil();
        http.hang("/ocsp");

        clock.advance(Duration.ofMinutes(5));
        assertThat(stapler.refresh()).isFalse();
        assertThat(stapler.staple()).isNotNull();

        clock.set(nextUpdate);
        assertThat(stapler.staple()).isNull();
        assertThat(stapler.staple()).isNull();
        assertThat(stapler.refresh()).isFalse();
        assertThat(events).containsExactly("refreshed GOOD", "failed until " + nextUpdate,
                "nothing: the last OCSP response expired at " + nextUpdate, "failed until null");
    }

    @Test
    void anExpiredResponseOnDiskIsNeverStapled() {
        http.answer("/ocsp", responder.window(Duration.ofMinutes(-1), Duration.ofMinutes(30)).http());
        Issued server = server();
        stapler(server).refresh();

        clock.advance(Duration.ofMinutes(31));
        OcspStapler restarted = stapler(server);

        assertThat(restarted.staple()).isNull();
        assertThat(restarted.current()).isEmpty();
    }

    @Test
    void aResponseThatFailsVerificationIsNotStapledAndTheCachedOneStays() {
        http.answer("/ocsp", responder.http());
        OcspStapler stapler = stapler(server());
        stapler.refresh();
        byte[] good = stapler.staple();

        responder.signedBy(pki.plainSigner(pki.intermediate()));
        clock.advance(Duration.ofMinutes(5));

        assertThat(stapler.refresh()).isFalse();
        assertThat(stapler.staple()).isEqualTo(good);
    }

    @Test
    void aRevokedServerCertificateIsStapledAsRevokedAndReported() {
        Issued server = server();
        http.answer("/ocsp", responder.status(server.serial(), TestOcspResponder.Status.REVOKED).http());
        OcspStapler stapler = stapler(server);

        stapler.refresh();

        assertThat(stapler.current()).get().extracting(VerifiedOcspResponse::status).isEqualTo(RevocationStatus.REVOKED);
        assertThat(events).containsExactly("refreshed REVOKED");
    }

    @Test
    void theIssuerComesFromTheChainOrConfigurationAndItsAbsenceIsAClearError() {
        Issued server = server();
        OcspClient client = new OcspClient(OcspSettings.defaults(), clock);

        assertThatThrownBy(() -> OcspStapler.forChain(List.of(server.certificate()), null, client, dir, clock, listener))
                .hasMessage("The certificate CN=server comes without its issuer: add the issuer to the certificate file"
                        + " or configure it for OCSP stapling");
        http.answer("/ocsp", responder.http());
        assertThat(OcspStapler.forChain(List.of(server.certificate()), pki.intermediate().certificate(), client, dir,
                clock, listener).refresh()).isTrue();
        assertThat(OcspStapler.forChain(List.of(server.certificate(), pki.intermediate().certificate()), null, client,
                dir, clock, listener).refresh()).isTrue();
    }

    private Issued server() {
        return pki.leaf("server", pki.leafOptions().ocspUrl(http.url("/ocsp").toString()));
    }

    private OcspStapler stapler(Issued server) {
        return new OcspStapler(server.certificate(), pki.intermediate().certificate(),
                new OcspClient(OcspSettings.defaults().withHttpTimeout(Duration.ofMillis(300)), clock), dir, clock,
                listener);
    }
}
