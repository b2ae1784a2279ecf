package dev.ferrite.tls.stapling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ferrite.tls.ocsp.OcspClient;
import dev.ferrite.tls.ocsp.OcspSettings;
import dev.ferrite.tls.pem.CertifiedKey;
import dev.ferrite.tls.reload.ReloadableKeyManager;
import dev.ferrite.tls.testing.OpenSsl;
import dev.ferrite.tls.testing.PemWriting;
import dev.ferrite.tls.testing.TestHttpServer;
import dev.ferrite.tls.testing.TestOcspResponder;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Netty TLS server on the OpenSSL engine staples with the kit, and openssl s_client sees the response. */
class NettyOcspStaplingTest {

    private static final Instant NOW = Instant.now();
    private static TestPki pki;

    @TempDir
    Path dir;

    private final TestHttpServer http = new TestHttpServer();
    private final TestOcspResponder responder = new TestOcspResponder(pki.intermediate(), Clock.systemUTC());
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @BeforeAll
    static void makePki() {
        pki = new TestPki(NOW);
    }

    @AfterEach
    void stop() {
        loop.shutdownGracefully();
        http.close();
    }

    @Test
    void theOpenSslEngineIsHereWithStapling() {
        assertThat(NettyOcspStapling.isSupported()).isTrue();
    }

    @Test
    void opensslSeesTheStapledResponseOfTheOneCertificate() throws Exception {
        http.answer("/ocsp", responder.signedBy(pki.ocspSigner(pki.intermediate())).http());
        Issued server = pki.leaf("localhost", pki.leafOptions().dnsNames("localhost")
                .ocspUrl(http.url("/ocsp").toString()));
        OcspStapler stapler = stapler(server);
        assertThat(stapler.refresh()).isTrue();
        SslContext context = NettyOcspStapling.serverContext(new ReloadableKeyManager(List.of(key(server)))).build();

        int port = serve(context, engine -> NettyOcspStapling.staple(engine, stapler.staple()));
        String output = sClient(port, "localhost");

        assertThat(output).contains("OCSP Response Status: successful (0x0)", "Cert Status: good",
                "Serial Number: " + server.serial().toString(16).toUpperCase());
    }

    @Test
    void withSeveralCertificatesTheChosenOnesResponseIsStapledAndARevokedOneSaysSo() throws Exception {
        http.answer("/ocsp", responder.http());
        Issued good = pki.leaf("good", pki.leafOptions().dnsNames("good.example.com")
                .ocspUrl(http.url("/ocsp").toString()));
        Issued revoked = pki.leaf("revoked", pki.leafOptions().dnsNames("revoked.example.com")
                .ocspUrl(http.url("/ocsp").toString()));
        responder.status(revoked.serial(), TestOcspResponder.Status.REVOKED);
        Map<X509Certificate, OcspStapler> staplers = Map.of(good.certificate(), stapler(good),
                revoked.certificate(), stapler(revoked));
        staplers.values().forEach(OcspStapler::refresh);
        ReloadableKeyManager keys = new ReloadableKeyManager(List.of(key(good), key(revoked)));
        keys.onSelection(NettyOcspStapling.stapleChosen(leaf -> staplers.get(leaf).staple()));
        SslContext context = NettyOcspStapling.serverContext(keys).build();

        int port = serve(context, engine -> { });

        assertThat(sClient(port, "good.example.com")).contains("OCSP Response Status: successful (0x0)",
                "Cert Status: good", "subject=CN = good");
        assertThat(sClient(port, "revoked.example.com")).contains("OCSP Response Status: successful (0x0)",
                "Cert Status: revoked", "subject=CN = revoked");
    }

    @Test
    void withoutAResponseNothingIsStapled() throws Exception {
        Issued server = pki.leaf("localhost", pki.leafOptions().dnsNames("localhost"));
        SslContext context = NettyOcspStapling.serverContext(new ReloadableKeyManager(List.of(key(server)))).build();

        int port = serve(context, engine -> NettyOcspStapling.staple(engine, null));

        assertThat(sClient(port, "localhost")).contains("OCSP response: no response sent");
    }

    private OcspStapler stapler(Issued server) {
        return new OcspStapler(server.certificate(), pki.intermediate().certificate(),
                new OcspClient(OcspSettings.defaults(), Clock.systemUTC()), dir, Clock.systemUTC(), StaplingListener.NONE);
    }

    private int serve(SslContext context, java.util.function.Consumer<javax.net.ssl.SSLEngine> beforeHandshake)
            throws InterruptedException {
        Channel channel = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = context.newHandler(ch.alloc());
                        beforeHandshake.accept(ssl.engine());
                        ch.pipeline().addLast(ssl);
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    private String sClient(int port, String serverName) {
        PemWriting.writeAtomically(dir.resolve("root.pem"), PemWriting.certificates(pki.root().certificate()));
        OpenSsl.Result result = OpenSsl.run(dir, "s_client", "-connect", "127.0.0.1:" + port, "-servername", serverName,
                "-status", "-CAfile", "root.pem", "-verify_return_error");
        assertThat(result.output()).contains("Verify return code: 0 (ok)");
        return result.output();
    }

    private static CertifiedKey key(Issued issued) {
        return new CertifiedKey(List.of(issued.certificate(), pki.intermediate().certificate()), issued.keys().getPrivate());
    }
}
