package dev.ferrite.tls.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.ferrite.tls.pem.CertifiedKey;
import dev.ferrite.tls.pem.PemFileException;
import dev.ferrite.tls.pem.ValidityWarning;
import dev.ferrite.tls.testing.JdkTls;
import dev.ferrite.tls.testing.PemWriting;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import dev.ferrite.tls.testing.TestPki.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableKeyManagerTest {

    private static final Instant NOW = Instant.now();
    private static TestPki pki;

    @TempDir
    Path dir;

    private final List<String> refused = new ArrayList<>();
    private final List<List<ValidityWarning>> reloaded = new ArrayList<>();
    private final ReloadListener listener = new ReloadListener() {
        @Override
        public void reloaded(String what, List<ValidityWarning> warnings) {
            reloaded.add(warnings);
        }

        @Override
        public void refused(String what, PemFileException problem) {
            refused.add(problem.getMessage());
        }
    };

    @BeforeAll
    static void makePki() {
        pki = new TestPki(NOW);
    }

    @Test
    void theServerNameChoosesTheCertificateAndAnyOtherNameGetsTheFirst() throws Exception {
        Issued a = pki.leaf("a", pki.leafOptions().dnsNames("a.example.com"));
        Issued b = pki.leaf("b", pki.leafOptions().dnsNames("b.example.com"));
        Issued wildcard = pki.leaf("wild", pki.leafOptions().dnsNames("*.devices.example.com"));
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(key(a), key(b), key(wildcard)));

        try (JdkTls.EchoServer server = new JdkTls.EchoServer(keys, null, false)) {
            assertThat(presented(server, "b.example.com")).isEqualTo(b.certificate());
            assertThat(presented(server, "a.example.com")).isEqualTo(a.certificate());
            assertThat(presented(server, "x7.devices.example.com")).isEqualTo(wildcard.certificate());
            assertThat(presented(server, "unknown.example.com")).isEqualTo(a.certificate());
            assertThat(presented(server, null)).isEqualTo(a.certificate());
        }
    }

    @Test
    void anRsaAndAnEcCertificateForOneNameServeClientsOfEitherKind() throws Exception {
        Issued ec = pki.leaf("ec", pki.leafOptions().dnsNames("both.example.com"));
        Issued rsa = pki.leaf("rsa", pki.leafOptions().withKeyType(KeyType.RSA).dnsNames("both.example.com"));
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(key(ec), key(rsa)));

        try (JdkTls.EchoServer server = new JdkTls.EchoServer(keys, null, false)) {
            assertThat(presentedWithSuites(server, "both.example.com", "TLSv1.2",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isEqualTo(rsa.certificate());
            assertThat(presentedWithSuites(server, "both.example.com", "TLSv1.2",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).isEqualTo(ec.certificate());
        }
    }

    @Test
    void changedFilesAreServedToNewHandshakesWhileAnOpenConnectionStays() throws Exception {
        Issued first = pki.leaf("first");
        Issued second = pki.leaf("second");
        ServerKeyFiles files = writePair(first);
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(key(first)));
        PemReloader<List<CertifiedKey>> reloader = reloader(files, keys);

        try (JdkTls.EchoServer server = new JdkTls.EchoServer(keys, null, false);
                SSLSocket open = JdkTls.connect(client(), server.port(), null)) {
            assertThat(JdkTls.serverCertificate(open)).isEqualTo(first.certificate());
            assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.UNCHANGED);

            overwrite(files, second);

            assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.RELOADED);
            assertThat(presented(server, null)).isEqualTo(second.certificate());
            assertThat(JdkTls.echoes(open, 42)).isTrue();
            assertThat(reloaded).singleElement().satisfies(warnings -> assertThat(warnings).isEmpty());
        }
    }

    @Test
    void aBrokenNewFileIsRefusedOnceAndTheOldCertificateStays() throws Exception {
        Issued first = pki.leaf("first");
        ServerKeyFiles files = writePair(first);
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(key(first)));
        PemReloader<List<CertifiedKey>> reloader = reloader(files, keys);

        PemWriting.writeAtomically(files.certificateFile(), "");

        try (JdkTls.EchoServer server = new JdkTls.EchoServer(keys, null, false)) {
            assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.REFUSED);
            assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.UNCHANGED);
            assertThat(refused).containsExactly(files.certificateFile()
                    + " is empty; a certificate file in PEM was expected.");
            assertThat(presented(server, null)).isEqualTo(first.certificate());
        }
    }

    @Test
    void aCertificateWrittenBeforeItsKeyIsRefusedUntilTheKeyFollows() throws Exception {
        Issued first = pki.leaf("first");
        Issued second = pki.leaf("second");
        ServerKeyFiles files = writePair(first);
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(key(first)));
        PemReloader<List<CertifiedKey>> reloader = reloader(files, keys);

        PemWriting.writeAtomically(files.certificateFile(), PemWriting.certificates(second.certificate()));
        assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.REFUSED);
        assertThat(refused).singleElement().asString().contains("does not match the certificate");
        assertThat(keys.keys()).singleElement().extracting(CertifiedKey::leaf).isEqualTo(first.certificate());

        PemWriting.writeAtomically(files.keyFile(), PemWriting.pkcs8(second.keys().getPrivate()));
        assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.RELOADED);
        assertThat(keys.keys()).singleElement().extracting(CertifiedKey::leaf).isEqualTo(second.certificate());
    }

    @Test
    void anExpiredNewCertificateIsUsedAndReportedWithAWarning() throws Exception {
        Issued first = pki.leaf("first");
        Issued expired = pki.leaf("expired", pki.leafOptions().validity(NOW.minus(Duration.ofDays(3)),
                NOW.minus(Duration.ofDays(1))));
        ServerKeyFiles files = writePair(first);
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(key(first)));
        PemReloader<List<CertifiedKey>> reloader = reloader(files, keys);

        overwrite(files, expired);

        assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.RELOADED);
        assertThat(reloaded).singleElement().satisfies(warnings -> assertThat(warnings).singleElement()
                .extracting(ValidityWarning::kind).isEqualTo(ValidityWarning.Kind.EXPIRED));
    }

    @Test
    void aBrokenFileAtStartIsAnErrorForTheCallerToStopOn() throws Exception {
        ServerKeyFiles files = new ServerKeyFiles(dir.resolve("none.pem"), dir.resolve("none.key"), null);

        assertThatThrownBy(() -> reloader(files, null))
                .isInstanceOf(PemFileException.class)
                .hasMessage(dir.resolve("none.pem") + " does not exist; a certificate file was expected there.");
    }

    private PemReloader<List<CertifiedKey>> reloader(ServerKeyFiles files, ReloadableKeyManager keys) {
        return new PemReloader<>("test listener certificate", ServerKeyFiles.files(List.of(files)),
                () -> ServerKeyFiles.loadAll(List.of(files), Instant.now()), loaded -> {
                    if (keys != null) {
                        keys.swap(loaded);
                    }
                }, listener);
    }

    private ServerKeyFiles writePair(Issued issued) {
        ServerKeyFiles files = new ServerKeyFiles(dir.resolve("server.pem"), dir.resolve("server.key"), null);
        overwrite(files, issued);
        return files;
    }

    private static void overwrite(ServerKeyFiles files, Issued issued) {
        PemWriting.writeAtomically(files.certificateFile(),
                PemWriting.certificates(issued.certificate(), pki.intermediate().certificate()));
        PemWriting.writeAtomically(files.keyFile(), PemWriting.pkcs8(issued.keys().getPrivate()));
    }

    private static CertifiedKey key(Issued issued) {
        return new CertifiedKey(List.of(issued.certificate(), pki.intermediate().certificate()),
                issued.keys().getPrivate());
    }

    /** A new client each time, as a new device is: a client that resumed a session would see its old certificate. */
    private static SSLContext client() {
        return JdkTls.clientContext(List.of(pki.root().certificate()), null);
    }

    private static java.security.cert.X509Certificate presented(JdkTls.EchoServer server, String serverName)
            throws Exception {
        try (SSLSocket socket = JdkTls.connect(client(), server.port(), serverName)) {
            return JdkTls.serverCertificate(socket);
        }
    }

    private static java.security.cert.X509Certificate presentedWithSuites(JdkTls.EchoServer server, String serverName,
            String protocol, String suite) throws Exception {
        SSLSocket socket = (SSLSocket) client().getSocketFactory().createSocket(java.net.InetAddress.getLoopbackAddress(),
                server.port());
        try (socket) {
            javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName(serverName)));
            parameters.setProtocols(new String[] { protocol });
            parameters.setCipherSuites(new String[] { suite });
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return JdkTls.serverCertificate(socket);
        }
    }
}
