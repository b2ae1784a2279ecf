package dev.ferrite.tls.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.security.auth.x500.X500Principal;

import dev.ferrite.tls.RevocationAnswer;
import dev.ferrite.tls.crl.CrlCache;
import dev.ferrite.tls.crl.CrlCacheListener;
import dev.ferrite.tls.crl.CrlCacheSettings;
import dev.ferrite.tls.ocsp.OcspClient;
import dev.ferrite.tls.ocsp.OcspSettings;
import dev.ferrite.tls.pem.CertifiedKey;
import dev.ferrite.tls.reload.ReloadableKeyManager;
import dev.ferrite.tls.reload.ReloadableTrustManager;
import dev.ferrite.tls.testing.JdkTls;
import dev.ferrite.tls.testing.TestHttpServer;
import dev.ferrite.tls.testing.TestOcspResponder;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mutual TLS handshakes with the JDK engine, the client's certificate checked against CRLs and OCSP. */
class RevocationCheckingTrustManagerTest {

    private static final Instant NOW = Instant.now();
    private static TestPki pki;
    private static Issued server;

    private final TestHttpServer http = new TestHttpServer();
    private final List<String> events = new ArrayList<>();
    private final RevocationListener listener = new RevocationListener() {
        @Override
        public void refused(X509Certificate certificate, RevocationAnswer answer) {
            events.add("refused " + answer.status());
        }

        @Override
        public void acceptedUnknown(X509Certificate certificate, RevocationAnswer answer) {
            events.add("accepted " + answer.status());
        }
    };

    @BeforeAll
    static void makePki() {
        pki = new TestPki(NOW);
        server = pki.leaf("server");
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aRevokedClientIsRefusedAtTheHandshakeAndAGoodOneAccepted() throws Exception {
        Issued good = device();
        Issued revoked = device();
        http.serve("/ca.crl", pki.crl(1, revoked.serial()).getEncoded(), "application/pkix-crl");
        CrlCache crls = crlCache(CrlCacheListener.NONE);

        try (JdkTls.EchoServer tls = server(List.of(crls::check), RevocationPolicy.FAIL_CLOSED)) {
            assertThat(accepted(good, tls)).isTrue();
            assertThat(accepted(revoked, tls)).isFalse();
        }
        assertThat(events).containsExactly("refused REVOKED");
    }

    @Test
    void withTheCrlEndpointDownFailClosedRefusesAndFailOpenAcceptsAndSaysSo() throws Exception {
        Issued device = device();
        http.fail("/ca.crl", 503);

        try (JdkTls.EchoServer closed = server(List.of(crlCache(CrlCacheListener.NONE)::check),
                RevocationPolicy.FAIL_CLOSED);
                JdkTls.EchoServer open = server(List.of(crlCache(CrlCacheListener.NONE)::check),
                        RevocationPolicy.FAIL_OPEN)) {
            assertThat(accepted(device, closed)).isFalse();
            assertThat(accepted(device, open)).isTrue();
        }
        assertThat(events).containsExactly("refused UNKNOWN", "accepted UNKNOWN");
    }

    @Test
    void aRefreshedCrlNamesTheSerialOfAClientConnectedNowSoItCanBeDisconnected() throws Exception {
        Issued device = device();
        http.serve("/ca.crl", pki.crl(1).getEncoded(), "application/pkix-crl");
        List<BigInteger> toDisconnect = new ArrayList<>();
        CrlCache crls = crlCache(new CrlCacheListener() {
            @Override
            public void revoked(X500Principal issuer, Set<BigInteger> serials, String source) {
                toDisconnect.addAll(serials);
            }
        });

        try (JdkTls.EchoServer tls = server(List.of(crls::check), RevocationPolicy.FAIL_CLOSED);
                SSLSocket connected = JdkTls.connect(client(device), tls.port(), null)) {
            assertThat(JdkTls.echoes(connected, 3)).isTrue();
            http.serve("/ca.crl", pki.crl(2, device.serial()).getEncoded(), "application/pkix-crl");

            crls.refreshNow();

            assertThat(toDisconnect).containsExactly(device.serial());
            assertThat(accepted(device, tls)).isFalse();
        }
    }

    @Test
    void anyRevokedAnswerRefusesAndAnyGoodOneOutweighsUnknown() throws Exception {
        Issued device = device();
        http.fail("/ca.crl", 503);
        TestOcspResponder responder = new TestOcspResponder(pki.intermediate(), Clock.systemUTC());
        http.answer("/ocsp", responder.http());
        OcspClient ocsp = new OcspClient(OcspSettings.defaults().withResponderUrl(http.url("/ocsp")), Clock.systemUTC());

        try (JdkTls.EchoServer tls = server(List.of(crlCache(CrlCacheListener.NONE)::check, ocsp::check),
                RevocationPolicy.FAIL_CLOSED)) {
            assertThat(accepted(device, tls)).isTrue();
        }
        responder.status(device.serial(), TestOcspResponder.Status.REVOKED);
        OcspClient fresh = new OcspClient(OcspSettings.defaults().withResponderUrl(http.url("/ocsp")),
                Clock.systemUTC());
        try (JdkTls.EchoServer tls = server(List.of(crlCache(CrlCacheListener.NONE)::check, fresh::check),
                RevocationPolicy.FAIL_OPEN)) {
            assertThat(accepted(device, tls)).isFalse();
        }
        assertThat(events).containsExactly("refused REVOKED");
    }

    private Issued device() {
        return pki.leaf("device", pki.leafOptions().crlUrl(http.url("/ca.crl").toString()));
    }

    private CrlCache crlCache(CrlCacheListener crlListener) {
        List<X509Certificate> cas = List.of(pki.root().certificate(), pki.intermediate().certificate());
        return new CrlCache(CrlCacheSettings.defaults().withHttpTimeout(Duration.ofSeconds(5)), Clock.systemUTC(),
                () -> cas, crlListener);
    }

    private JdkTls.EchoServer server(List<RevocationCheck> checks, RevocationPolicy policy) {
        ReloadableTrustManager trust = new ReloadableTrustManager(List.of(pki.root().certificate()));
        return new JdkTls.EchoServer(new ReloadableKeyManager(List.of(new CertifiedKey(
                List.of(server.certificate(), pki.intermediate().certificate()), server.keys().getPrivate()))),
                new RevocationCheckingTrustManager(trust, checks, policy, listener), true);
    }

    private static SSLContext client(Issued device) {
        return JdkTls.clientContext(List.of(pki.root().certificate()), device, pki.intermediate().certificate());
    }

    private static boolean accepted(Issued device, JdkTls.EchoServer tls) {
        try (SSLSocket socket = JdkTls.connect(client(device), tls.port(), null)) {
            return JdkTls.echoes(socket, 1);
        } catch (UncheckedIOException | IOException e) {
            return false;
        }
    }
}
