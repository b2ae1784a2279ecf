package dev.ferrite.cert.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ferrite.cert.ca.Signatures;
import dev.ferrite.cert.pem.Pem;
import dev.ferrite.cert.testing.CertHttp;
import dev.ferrite.cert.testing.TestApiKeys;
import dev.ferrite.cert.testing.TestPki;
import dev.ferrite.contracts.cert.v1.BundleChange;
import dev.ferrite.contracts.cert.v1.BundleChangeType;
import dev.ferrite.contracts.cert.v1.CertificateBundlesGrpc;
import dev.ferrite.contracts.cert.v1.WatchBundlesRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "ferrite.cert.grpc.internal-token=" + WatchBundlesGrpcIntegrationTest.TOKEN})
@Import(TestApiKeys.class)
@DirtiesContext
class WatchBundlesGrpcIntegrationTest {

    static final String TOKEN = "internal-Test-Token-0123456789";
    private static final String BUNDLES = "/api/v5/bundles";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    GrpcServerLifecycle grpcServer;

    private ManagedChannel channel;
    private CertHttp admin;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
        admin = CertHttp.asAdministrator(port);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aWatcherGetsTheBundleAsItIsThenEveryChangeWithItsKey() {
        issue("watched");
        Iterator<BundleChange> changes = watch(TOKEN, "watched");

        BundleChange current = changes.next();
        assertThat(current.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_CURRENT);
        assertThat(current.getName()).isEqualTo("watched");
        assertThat(current.getVersion()).isEqualTo(1);
        assertUsable(current);
        assertThat(current.hasPrevious()).isFalse();
        assertThat(changes.next().getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_SNAPSHOT_COMPLETE);

        assertThat(admin.post(BUNDLES + "/watched/rotate").statusCode()).isEqualTo(200);
        BundleChange rotated = changes.next();
        assertThat(rotated.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_ROTATED);
        assertThat(rotated.getVersion()).isEqualTo(2);
        assertUsable(rotated);
        assertThat(leaf(rotated.getChainPem()).getSerialNumber()).isNotEqualTo(leaf(current.getChainPem()).getSerialNumber());
        assertThat(rotated.getPrevious().getVersion()).isEqualTo(1);
        assertThat(rotated.getPrevious().getChainPem()).isEqualTo(current.getChainPem());
        assertThat(rotated.getPrevious().getKeyPem()).isEqualTo(current.getKeyPem());

        Instant now = Instant.now();
        TestPki pki = new TestPki(now);
        TestPki.Issued uploaded = pki.server("watched.example.test", now, Duration.ofDays(60));
        ObjectNode upload = CertHttp.object().put("chainPem", pki.chainPem(uploaded)).put("keyPem", uploaded.keyPem())
                .put("caPem", pki.root().certificatePem());
        assertThat(admin.put(BUNDLES + "/watched", upload.toString()).statusCode()).isEqualTo(200);
        BundleChange updated = changes.next();
        assertThat(updated.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_UPDATED);
        assertThat(updated.getVersion()).isEqualTo(3);
        assertThat(leaf(updated.getChainPem())).isEqualTo(uploaded.certificate());
        assertThat(Pem.privateKey(updated.getKeyPem(), "keyPem").getEncoded()).isEqualTo(uploaded.keys().getPrivate().getEncoded());
        assertThat(Pem.certificates(updated.getCaPem(), "caPem")).containsExactly(pki.root().certificate());
        assertThat(updated.getPrevious().getVersion()).isEqualTo(2);

        assertThat(admin.post(BUNDLES + "/watched/confirm").statusCode()).isEqualTo(200);
        BundleChange released = changes.next();
        assertThat(released.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_PREVIOUS_RELEASED);
        assertThat(released.getVersion()).isEqualTo(3);
        assertThat(released.hasPrevious()).isFalse();

        assertThat(admin.delete(BUNDLES + "/watched").statusCode()).isEqualTo(204);
        BundleChange deleted = changes.next();
        assertThat(deleted.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_DELETED);
        assertThat(deleted.getName()).isEqualTo("watched");
        assertThat(deleted.getVersion()).isEqualTo(3);
        assertThat(deleted.getKeyPem()).isEmpty();
        assertThat(deleted.getChainPem()).isEmpty();
    }

    @Test
    void aWatcherOfSomeBundlesHearsNothingOfTheOthers() {
        Iterator<BundleChange> changes = watch(TOKEN, "mine");
        assertThat(changes.next().getType()).as("nothing to send before the snapshot ends")
                .isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_SNAPSHOT_COMPLETE);

        issue("not-mine");
        issue("mine");

        BundleChange next = changes.next();
        assertThat(next.getName()).as("changes arrive in order, so one of not-mine would have come first").isEqualTo("mine");
        assertThat(next.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_UPDATED);
        assertThat(next.getVersion()).isEqualTo(1);
        assertUsable(next);
    }

    @Test
    void aWatcherOfEveryBundleHearsOfNewOnes() {
        issue("existing");
        Iterator<BundleChange> changes = watch(TOKEN);
        List<String> snapshot = new java.util.ArrayList<>();
        for (BundleChange change = changes.next(); change.getType() != BundleChangeType.BUNDLE_CHANGE_TYPE_SNAPSHOT_COMPLETE;
                change = changes.next()) {
            assertThat(change.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_CURRENT);
            snapshot.add(change.getName());
        }
        assertThat(snapshot).contains("existing");

        issue("brand-new");

        BundleChange created = changes.next();
        assertThat(created.getName()).isEqualTo("brand-new");
        assertThat(created.getType()).isEqualTo(BundleChangeType.BUNDLE_CHANGE_TYPE_UPDATED);
    }

    @Test
    void aCallWithoutTheInternalTokenIsRefused() {
        assertThatThrownBy(() -> watch(null, "watched").hasNext())
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> watch(TOKEN + "x", "watched").hasNext())
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void anInvalidBundleNameIsRefused() {
        assertThatThrownBy(() -> watch(TOKEN, "Not_A_Name").hasNext())
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("'Not_A_Name' is not a bundle name");
                });
    }

    private void issue(String name) {
        HttpResponse<String> issued = admin.post(BUNDLES + "/" + name + "/issue",
                "{\"commonName\": \"" + name + ".example.test\", \"sans\": [\"" + name + ".example.test\"]}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    }

    private Iterator<BundleChange> watch(String token, String... names) {
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        return CertificateBundlesGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .watchBundles(WatchBundlesRequest.newBuilder().addAllNames(List.of(names)).build());
    }

    /** A consumer can serve it: the key is the first certificate's, and notAfter is that certificate's. */
    private static void assertUsable(BundleChange change) {
        X509Certificate leaf = leaf(change.getChainPem());
        assertThat(Signatures.keyMatches(Pem.privateKey(change.getKeyPem(), "keyPem"), leaf.getPublicKey())).isTrue();
        assertThat(change.getNotAfter().getSeconds()).isEqualTo(leaf.getNotAfter().toInstant().getEpochSecond());
        assertThat(Pem.certificates(change.getCaPem(), "caPem")).isNotEmpty();
    }

    private static X509Certificate leaf(String chainPem) {
        return Pem.certificates(chainPem, "chainPem").get(0);
    }
}
