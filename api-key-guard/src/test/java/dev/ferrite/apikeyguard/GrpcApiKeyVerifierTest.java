package dev.ferrite.apikeyguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.ferrite.apikeyguard.ApiKeyVerification.Outcome;
import dev.ferrite.contracts.apikey.v1.ApiKeyOutcome;
import dev.ferrite.contracts.apikey.v1.ApiKeyRole;
import dev.ferrite.contracts.apikey.v1.ApiKeyVerificationGrpc;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyRequest;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyResponse;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrpcApiKeyVerifierTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String serverName = InProcessServerBuilder.generateName();
    private final List<VerifyApiKeyRequest> requests = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "API_KEY_OUTCOME_UNKNOWN_KEY, UNKNOWN_KEY",
            "API_KEY_OUTCOME_WRONG_SECRET, WRONG_SECRET",
            "API_KEY_OUTCOME_DISABLED, DISABLED",
            "API_KEY_OUTCOME_EXPIRED, EXPIRED"})
    void mapsEachRejection(ApiKeyOutcome outcome, Outcome expected) throws IOException {
        GrpcApiKeyVerifier verifier = verifierAnswering(
                request -> VerifyApiKeyResponse.newBuilder().setOutcome(outcome).build());

        assertThat(verifier.verify("key1", "secret1")).isEqualTo(ApiKeyVerification.rejected(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "API_KEY_ROLE_ADMINISTRATOR, ADMINISTRATOR",
            "API_KEY_ROLE_VIEWER, VIEWER",
            "API_KEY_ROLE_PUBLISHER, PUBLISHER"})
    void mapsEachRoleOfAValidKey(ApiKeyRole role, ApiRole expected) throws IOException {
        GrpcApiKeyVerifier verifier = verifierAnswering(request -> VerifyApiKeyResponse.newBuilder()
                .setOutcome(ApiKeyOutcome.API_KEY_OUTCOME_VALID).setRole(role).build());

        assertThat(verifier.verify("key1", "secret1")).isEqualTo(ApiKeyVerification.valid(expected));
    }

    @Test
    void sendsTheKeyAndSecret() throws IOException {
        GrpcApiKeyVerifier verifier = verifierAnswering(
                request -> VerifyApiKeyResponse.newBuilder().setOutcome(ApiKeyOutcome.API_KEY_OUTCOME_WRONG_SECRET).build());

        verifier.verify("key1", "se:cret");

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.getApiKey()).isEqualTo("key1");
            assertThat(request.getApiSecret()).isEqualTo("se:cret");
        });
    }

    @Test
    void aValidKeyWithoutARoleFailsClosed() throws IOException {
        GrpcApiKeyVerifier verifier = verifierAnswering(request -> VerifyApiKeyResponse.newBuilder()
                .setOutcome(ApiKeyOutcome.API_KEY_OUTCOME_VALID).setRole(ApiKeyRole.API_KEY_ROLE_UNSPECIFIED).build());

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class)
                .hasMessageContaining("role");
    }

    @Test
    void aValidKeyWithARoleFromANewerContractFailsClosed() throws IOException {
        GrpcApiKeyVerifier verifier = verifierAnswering(request -> VerifyApiKeyResponse.newBuilder()
                .setOutcome(ApiKeyOutcome.API_KEY_OUTCOME_VALID).setRoleValue(99).build());

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class);
    }

    @Test
    void anUnspecifiedOutcomeFailsClosed() throws IOException {
        GrpcApiKeyVerifier verifier = verifierAnswering(request -> VerifyApiKeyResponse.newBuilder()
                .setRole(ApiKeyRole.API_KEY_ROLE_ADMINISTRATOR).build());

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class)
                .hasMessageContaining("outcome");
    }

    @Test
    void anOutcomeFromANewerContractFailsClosed() throws IOException {
        GrpcApiKeyVerifier verifier = verifierAnswering(request -> VerifyApiKeyResponse.newBuilder()
                .setOutcomeValue(42).setRole(ApiKeyRole.API_KEY_ROLE_ADMINISTRATOR).build());

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class)
                .hasMessageContaining("42");
    }

    @Test
    void aServerErrorMakesTheVerifierUnavailable() throws IOException {
        GrpcApiKeyVerifier verifier = verifierOf(new ApiKeyVerificationGrpc.ApiKeyVerificationImplBase() {
            @Override
            public void verify(VerifyApiKeyRequest request, StreamObserver<VerifyApiKeyResponse> responses) {
                responses.onError(Status.INTERNAL.withDescription("database gone").asRuntimeException());
            }
        }, TIMEOUT);

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class)
                .hasMessageContaining("INTERNAL")
                .hasCauseInstanceOf(StatusRuntimeException.class);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeMakesTheVerifierUnavailable() throws IOException {
        GrpcApiKeyVerifier verifier = verifierOf(new ApiKeyVerificationGrpc.ApiKeyVerificationImplBase() {
            @Override
            public void verify(VerifyApiKeyRequest request, StreamObserver<VerifyApiKeyResponse> responses) {
                // Never answers.
            }
        }, Duration.ofMillis(200));

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class)
                .hasMessageContaining("DEADLINE_EXCEEDED");
    }

    @Test
    void aServerThatDoesNotExistMakesTheVerifierUnavailableOnceTheDeadlinePasses() throws Exception {
        GrpcApiKeyVerifier verifier = track(new GrpcApiKeyVerifier(
                InProcessChannelBuilder.forName(serverName).build(), Duration.ofMillis(300)));

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class)
                .hasMessageContaining("DEADLINE_EXCEEDED");
    }

    @Test
    void aServerThatComesUpWithinTheDeadlineIsWaitedFor() throws Exception {
        ManagedChannel channel = InProcessChannelBuilder.forName(serverName).build();
        GrpcApiKeyVerifier verifier = track(new GrpcApiKeyVerifier(channel, Duration.ofSeconds(30)));

        CompletableFuture<ApiKeyVerification> answer = CompletableFuture.supplyAsync(() -> verifier.verify("key1", "secret1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (channel.getState(false) != ConnectivityState.TRANSIENT_FAILURE && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(channel.getState(false)).as("the first connection attempt failed").isEqualTo(ConnectivityState.TRANSIENT_FAILURE);
        assertThat(answer).isNotDone();

        verifierAnswering(request -> VerifyApiKeyResponse.newBuilder()
                .setOutcome(ApiKeyOutcome.API_KEY_OUTCOME_VALID).setRole(ApiKeyRole.API_KEY_ROLE_VIEWER).build());
        channel.resetConnectBackoff();

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(ApiKeyVerification.valid(ApiRole.VIEWER));
    }

    @Test
    void anUnreachableTcpAddressMakesTheVerifierUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GrpcApiKeyVerifier verifier = track(new GrpcApiKeyVerifier(
                ManagedChannelBuilder.forTarget("127.0.0.1:" + closedPort).usePlaintext().build(), Duration.ofMillis(300)));

        assertThatThrownBy(() -> verifier.verify("key1", "secret1"))
                .isInstanceOf(ApiKeyVerifierUnavailableException.class)
                .hasMessageContaining("DEADLINE_EXCEEDED");
    }

    @Test
    void closingShutsTheChannelDown() throws Exception {
        ManagedChannel channel = InProcessChannelBuilder.forName(serverName).build();
        GrpcApiKeyVerifier verifier = new GrpcApiKeyVerifier(channel, TIMEOUT);

        verifier.close();

        assertThat(channel.isShutdown()).isTrue();
        assertThat(channel.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    }

    private GrpcApiKeyVerifier verifierAnswering(Function<VerifyApiKeyRequest, VerifyApiKeyResponse> answer)
            throws IOException {
        return verifierOf(new ApiKeyVerificationGrpc.ApiKeyVerificationImplBase() {
            @Override
            public void verify(VerifyApiKeyRequest request, StreamObserver<VerifyApiKeyResponse> responses) {
                requests.add(request);
                responses.onNext(answer.apply(request));
                responses.onCompleted();
            }
        }, TIMEOUT);
    }

    private GrpcApiKeyVerifier verifierOf(ApiKeyVerificationGrpc.ApiKeyVerificationImplBase service, Duration timeout)
            throws IOException {
        Server server = InProcessServerBuilder.forName(serverName).directExecutor().addService(service).build().start();
        resources.add(() -> server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        return track(new GrpcApiKeyVerifier(InProcessChannelBuilder.forName(serverName).build(), timeout));
    }

    private GrpcApiKeyVerifier track(GrpcApiKeyVerifier verifier) {
        resources.add(0, verifier);
        return verifier;
    }
}
