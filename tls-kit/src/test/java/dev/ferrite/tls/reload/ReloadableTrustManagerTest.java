package dev.ferrite.tls.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.ferrite.tls.pem.CaBundles;
import dev.ferrite.tls.pem.CertifiedKey;
import dev.ferrite.tls.pem.PemFileException;
import dev.ferrite.tls.pem.ValidityWarning;
import dev.ferrite.tls.testing.JdkTls;
import dev.ferrite.tls.testing.PemWriting;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableTrustManagerTest {

    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    @Test
    void aSwappedCaBundleDecidesWhichClientsTheNextHandshakesAccept() throws Exception {
        TestPki server = new TestPki(NOW, "Server");
        TestPki oldClients = new TestPki(NOW, "Old clients");
        TestPki newClients = new TestPki(NOW, "New clients");
        Issued serverLeaf = server.leaf("server");
        Issued oldDevice = oldClients.leaf("old-device");
        Issued newDevice = newClients.leaf("new-device");
        Path bundle = dir.resolve("ca.pem");
        PemWriting.writeAtomically(bundle, PemWriting.certificates(oldClients.root().certificate()));
        List<String> refused = new ArrayList<>();
        ReloadableTrustManager trust = new ReloadableTrustManager(CaBundles.load(bundle, NOW).value());
        PemReloader<List<X509Certificate>> reloader = new PemReloader<>("test CA bundle", List.of(bundle),
                () -> CaBundles.load(bundle, Instant.now()), trust::swap, new ReloadListener() {
                    @Override
                    public void reloaded(String what, List<ValidityWarning> warnings) {
                    }

                    @Override
                    public void refused(String what, PemFileException problem) {
                        refused.add(problem.getMessage());
                    }
                });
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(new CertifiedKey(
                List.of(serverLeaf.certificate(), server.intermediate().certificate()), serverLeaf.keys().getPrivate())));
        // Each handshake from a new context: a resumed session would skip the certificate check altogether.
        java.util.function.Supplier<SSLContext> oldClient = () -> JdkTls.clientContext(
                List.of(server.root().certificate()), oldDevice, oldClients.intermediate().certificate());
        java.util.function.Supplier<SSLContext> newClient = () -> JdkTls.clientContext(
                List.of(server.root().certificate()), newDevice, newClients.intermediate().certificate());

        try (JdkTls.EchoServer tls = new JdkTls.EchoServer(keys, trust, true);
                SSLSocket stays = JdkTls.connect(oldClient.get(), tls.port(), null)) {
            assertThat(accepted(oldClient, tls)).isTrue();
            assertThat(accepted(newClient, tls)).isFalse();

            PemWriting.writeAtomically(bundle, PemWriting.certificates(newClients.root().certificate()));
            assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.RELOADED);

            assertThat(accepted(oldClient, tls)).isFalse();
            assertThat(accepted(newClient, tls)).isTrue();
            assertThat(JdkTls.echoes(stays, 7)).isTrue();

            PemWriting.writeAtomically(bundle, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
            assertThat(reloader.check()).isEqualTo(PemReloader.Outcome.REFUSED);
            assertThat(refused).singleElement().asString().startsWith(bundle.toString());
            assertThat(accepted(newClient, tls)).isTrue();
            assertThat(trust.getAcceptedIssuers()).containsExactly(newClients.root().certificate());
        }
    }

    @Test
    void trustInNothingIsRefused() {
        assertThatThrownBy(() -> new ReloadableTrustManager(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** TLS 1.3 servers check the client's certificate after the client's handshake is done: read to know. */
    private static boolean accepted(java.util.function.Supplier<SSLContext> client, JdkTls.EchoServer server) {
        try (SSLSocket socket = JdkTls.connect(client.get(), server.port(), null)) {
            return JdkTls.echoes(socket, 1);
        } catch (UncheckedIOException | IOException e) {
            return false;
        }
    }
}
