package dev.ferrite.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.ferrite.apikeyguard.ApiRole;
import dev.ferrite.contracts.apikey.v1.ApiKeyOutcome;
import dev.ferrite.contracts.apikey.v1.ApiKeyRole;
import dev.ferrite.contracts.apikey.v1.ApiKeyVerificationGrpc;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyRequest;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "spring.grpc.server.port=0")
@DirtiesContext
class ApiKeyVerificationGrpcIntegrationTest {

    private static final String SECRET = "grpc-Test-Secret";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirAndBootstrapFile(DynamicPropertyRegistry registry) throws IOException {
        Path bootstrapFile = Files.writeString(dataDir.resolve("api-keys.bootstrap"), """
                grpcadmin:%1$s
                grpcviewer:%1$s:viewer
                grpcpublisher:%1$s:publisher
                """.formatted(SECRET));
        registry.add("ferrite.data-dir", dataDir::toString);
        registry.add("ferrite.auth.api-key.bootstrap-file", bootstrapFile::toString);
    }

    @Autowired
    GrpcServerLifecycle grpcServer;

    @Autowired
    ApiKeyRepository repository;

    @Autowired
    ApiKeySecrets secrets;

    private ManagedChannel channel;
    private ApiKeyVerificationGrpc.ApiKeyVerificationBlockingStub stub;

    @BeforeEach
    void connectAndAddKeys() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
        stub = ApiKeyVerificationGrpc.newBlockingStub(channel);
        addIfAbsent(new ApiKey("switched-off", "disabledkey", secrets.hash(SECRET), ApiRole.VIEWER, "",
                false, null, Instant.now(), ApiKey.Source.API));
        addIfAbsent(new ApiKey("out-of-date", "expiredkey", secrets.hash(SECRET), ApiRole.VIEWER, "",
                true, Instant.now().minusSeconds(60), Instant.now().minusSeconds(3600), ApiKey.Source.API));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void listensOnARealPort() {
        assertThat(grpcServer.isRunning()).isTrue();
        assertThat(grpcServer.getPort()).isPositive();
    }

    @Test
    void aGoodKeyIsValidWithItsRole() {
        assertThat(verify("grpcadmin", SECRET)).isEqualTo(valid(ApiKeyRole.API_KEY_ROLE_ADMINISTRATOR));
        assertThat(verify("grpcviewer", SECRET)).isEqualTo(valid(ApiKeyRole.API_KEY_ROLE_VIEWER));
        assertThat(verify("grpcpublisher", SECRET)).isEqualTo(valid(ApiKeyRole.API_KEY_ROLE_PUBLISHER));
    }

    @Test
    void aWrongSecretIsReportedWithoutARole() {
        assertThat(verify("grpcadmin", "guess")).isEqualTo(rejected(ApiKeyOutcome.API_KEY_OUTCOME_WRONG_SECRET));
    }

    @Test
    void anUnknownKeyIsReported() {
        assertThat(verify("nobody", SECRET)).isEqualTo(rejected(ApiKeyOutcome.API_KEY_OUTCOME_UNKNOWN_KEY));
    }

    @Test
    void aDisabledKeyIsReportedOnlyWithTheRightSecret() {
        assertThat(verify("disabledkey", SECRET)).isEqualTo(rejected(ApiKeyOutcome.API_KEY_OUTCOME_DISABLED));
        assertThat(verify("disabledkey", "guess")).isEqualTo(rejected(ApiKeyOutcome.API_KEY_OUTCOME_WRONG_SECRET));
    }

    @Test
    void anExpiredKeyIsReportedOnlyWithTheRightSecret() {
        assertThat(verify("expiredkey", SECRET)).isEqualTo(rejected(ApiKeyOutcome.API_KEY_OUTCOME_EXPIRED));
        assertThat(verify("expiredkey", "guess")).isEqualTo(rejected(ApiKeyOutcome.API_KEY_OUTCOME_WRONG_SECRET));
    }

    private void addIfAbsent(ApiKey key) {
        if (repository.findByName(key.name()).isEmpty()) {
            repository.insert(key);
        }
    }

    private VerifyApiKeyResponse verify(String apiKey, String apiSecret) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                .verify(VerifyApiKeyRequest.newBuilder().setApiKey(apiKey).setApiSecret(apiSecret).build());
    }

    private static VerifyApiKeyResponse valid(ApiKeyRole role) {
        return VerifyApiKeyResponse.newBuilder().setOutcome(ApiKeyOutcome.API_KEY_OUTCOME_VALID).setRole(role).build();
    }

    private static VerifyApiKeyResponse rejected(ApiKeyOutcome outcome) {
        return VerifyApiKeyResponse.newBuilder().setOutcome(outcome).build();
    }
}
