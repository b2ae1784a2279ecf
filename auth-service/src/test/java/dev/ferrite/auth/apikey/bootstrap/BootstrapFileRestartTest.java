package dev.ferrite.auth.apikey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.apikeyguard.ApiKeyVerification.Outcome;
import dev.ferrite.apikeyguard.ApiRole;
import dev.ferrite.auth.AuthServiceApplication;
import dev.ferrite.auth.apikey.ApiKey;
import dev.ferrite.auth.apikey.ApiKeyRepository;
import dev.ferrite.auth.apikey.StoredApiKeyVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class BootstrapFileRestartTest {

    private static final Instant OPERATOR_EXPIRY = Instant.parse("2999-01-01T00:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void theFileIsAppliedAgainAtEveryStartKeepingWhatAnOperatorChanged() throws IOException {
        Path file = dataDir.resolve("api-keys.bootstrap");
        Files.writeString(file, "ops:first-Secret-1\nparked:parked-Secret:viewer\n");
        Instant[] createdAt = new Instant[1];

        runAuthService(file, context -> {
            StoredApiKeyVerifier verifier = context.getBean(StoredApiKeyVerifier.class);
            ApiKeyRepository repository = context.getBean(ApiKeyRepository.class);
            assertThat(verifier.verify("ops", "first-Secret-1")).isEqualTo(ApiKeyVerification.valid(ApiRole.ADMINISTRATOR));
            assertThat(verifier.verify("parked", "parked-Secret")).isEqualTo(ApiKeyVerification.valid(ApiRole.VIEWER));

            ApiKey ops = repository.findByApiKey("ops").orElseThrow();
            createdAt[0] = ops.createdAt();
            repository.update(new ApiKey(ops.name(), ops.apiKey(), ops.secretHash(), ops.role(), "managed by ops",
                    ops.enabled(), OPERATOR_EXPIRY, ops.createdAt(), ops.source()));
            ApiKey parked = repository.findByApiKey("parked").orElseThrow();
            repository.update(new ApiKey(parked.name(), parked.apiKey(), parked.secretHash(), parked.role(),
                    parked.description(), false, parked.expiresAt(), parked.createdAt(), parked.source()));
        });

        assertThat(dataDir.resolve("auth-service/auth.mv.db")).isRegularFile();
        Files.writeString(file, "ops:second-Secret-2:viewer\nparked:parked-Secret:viewer\nnewcomer:new-Secret-3:publisher\n");

        runAuthService(file, context -> {
            StoredApiKeyVerifier verifier = context.getBean(StoredApiKeyVerifier.class);
            ApiKeyRepository repository = context.getBean(ApiKeyRepository.class);
            assertThat(verifier.verify("ops", "first-Secret-1")).isEqualTo(ApiKeyVerification.rejected(Outcome.WRONG_SECRET));
            assertThat(verifier.verify("ops", "second-Secret-2")).isEqualTo(ApiKeyVerification.valid(ApiRole.VIEWER));
            assertThat(verifier.verify("parked", "parked-Secret")).isEqualTo(ApiKeyVerification.rejected(Outcome.DISABLED));
            assertThat(verifier.verify("newcomer", "new-Secret-3")).isEqualTo(ApiKeyVerification.valid(ApiRole.PUBLISHER));

            ApiKey ops = repository.findByApiKey("ops").orElseThrow();
            assertThat(ops.name()).isEqualTo("from_bootstrap_file_ops");
            assertThat(ops.description()).isEqualTo("managed by ops");
            assertThat(ops.expiresAt()).isEqualTo(OPERATOR_EXPIRY);
            assertThat(ops.createdAt()).isEqualTo(createdAt[0]);
            assertThat(ops.source()).isEqualTo(ApiKey.Source.BOOTSTRAP_FILE);
            assertThat(repository.findByName("from_bootstrap_file_newcomer")).isPresent();
            assertThat(repository.findAll()).hasSize(3);
        });
    }

    @Test
    void aKeyRemovedFromTheFileIsDeletedAtTheNextStartButApiKeysStay() throws IOException {
        Path file = dataDir.resolve("api-keys.bootstrap");
        Files.writeString(file, "ops:ops-Secret-1\nleaked:leaked-Secret-2:viewer\n");
        runAuthService(file, context -> {
            ApiKeyRepository repository = context.getBean(ApiKeyRepository.class);
            repository.insert(new ApiKey("made-by-api", "apikey0000000001", "{noop}unused", ApiRole.VIEWER, "",
                    true, null, Instant.parse("2026-01-01T00:00:00Z"), ApiKey.Source.API));
        });

        Files.writeString(file, "ops:ops-Secret-1\n");

        runAuthService(file, context -> {
            StoredApiKeyVerifier verifier = context.getBean(StoredApiKeyVerifier.class);
            ApiKeyRepository repository = context.getBean(ApiKeyRepository.class);
            assertThat(verifier.verify("leaked", "leaked-Secret-2")).isEqualTo(ApiKeyVerification.rejected(Outcome.UNKNOWN_KEY));
            assertThat(verifier.verify("ops", "ops-Secret-1")).isEqualTo(ApiKeyVerification.valid(ApiRole.ADMINISTRATOR));
            assertThat(repository.findByName("made-by-api")).isPresent();
        });
    }

    private void runAuthService(Path bootstrapFile, Consumer<ConfigurableApplicationContext> check) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServiceApplication.class).run(
                "--server.port=0",
                "--spring.grpc.server.port=0",
                "--ferrite.data-dir=" + dataDir,
                "--ferrite.auth.api-key.bootstrap-file=" + bootstrapFile)) {
            check.accept(context);
        }
    }
}
