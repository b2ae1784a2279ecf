package dev.ferrite.cert.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;

import dev.ferrite.cert.CertServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default CA is made once, and its key opens again after a restart only with the same key-encryption key. */
class CaPersistenceTest {

    private static final String KEK = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String OTHER_KEK = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @TempDir
    Path dataDir;

    @Test
    void theDefaultCaSurvivesARestartAndIsNotRecreated() throws Exception {
        X509Certificate first;
        try (ConfigurableApplicationContext context = start("--ferrite.cert.key-encryption-key=" + KEK)) {
            first = context.getBean(CaRegistry.class).get("default").issuer();
        }
        try (ConfigurableApplicationContext context = start("--ferrite.cert.key-encryption-key=" + KEK)) {
            CertificateAuthority again = context.getBean(CaRegistry.class).get("default");
            assertThat(again.issuer()).isEqualTo(first);
            assertThat(again.issuerKey()).isNotNull();
        }
    }

    @Test
    void anotherKeyEncryptionKeyStopsStartUpWithAClearSentence() {
        try (ConfigurableApplicationContext context = start("--ferrite.cert.key-encryption-key=" + KEK)) {
            assertThat(context.getBean(CaRegistry.class).names()).containsExactly("default");
        }

        assertThatThrownBy(() -> start("--ferrite.cert.key-encryption-key=" + OTHER_KEK).close())
                .rootCause().hasMessageNotContaining("PRIVATE");
        assertThatThrownBy(() -> start("--ferrite.cert.key-encryption-key=" + OTHER_KEK).close())
                .hasStackTraceContaining("Cannot decrypt the private key of 'default': is ferrite.cert.key-encryption-key the key it was encrypted with?");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoAPrivateFile() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(CaRegistry.class).names()).containsExactly("default");
        }
        Path generated = dataDir.resolve("cert-service/key-encryption.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(CaRegistry.class).get("default").issuerKey()).isNotNull();
        }
    }

    @Test
    void aMalformedKeyEncryptionKeyIsNamedInTheError() {
        assertThatThrownBy(() -> start("--ferrite.cert.key-encryption-key=c2hvcnQ=").close())
                .hasStackTraceContaining("ferrite.cert.key-encryption-key must be 32 bytes in base64, was 5 bytes");
    }

    private ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 4];
        all[0] = "--server.port=0";
        all[1] = "--ferrite.data-dir=" + dataDir;
        all[2] = "--ferrite.api-guard.auth-service-address=127.0.0.1:1";
        all[3] = "--spring.grpc.server.port=0";
        System.arraycopy(arguments, 0, all, 4, arguments.length);
        return new SpringApplicationBuilder(CertServiceApplication.class).run(all);
    }
}
