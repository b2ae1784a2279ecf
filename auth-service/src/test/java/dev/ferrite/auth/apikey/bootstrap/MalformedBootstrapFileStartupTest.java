package dev.ferrite.auth.apikey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ferrite.auth.AuthServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class MalformedBootstrapFileStartupTest {

    private static final String GOOD_SECRET = "Good-Secret-On-Line-2";
    private static final String BAD_LINE_SECRET = "Leaky-Secret-On-Line-3";

    @TempDir
    Path dataDir;

    @Test
    void startUpFailsNamingTheFileAndLineWithoutShowingAnySecret(CapturedOutput output) throws IOException {
        Path file = Files.writeString(dataDir.resolve("api-keys.bootstrap"),
                "# keys\nfine:" + GOOD_SECRET + "\nbroken:" + BAD_LINE_SECRET + ":root\n");

        Throwable failure = catchThrowable(() -> {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServiceApplication.class).run(
                    "--server.port=0",
                    "--spring.grpc.server.port=0",
                    "--ferrite.data-dir=" + dataDir,
                    "--ferrite.auth.api-key.bootstrap-file=" + file)) {
                throw new AssertionError("auth-service started with a malformed bootstrap file");
            }
        });

        assertThat(failure).isInstanceOf(BootstrapFileException.class)
                .hasMessage("API key bootstrap file " + file + ", line 3: the third field is not a role; the roles are "
                        + "administrator, viewer, publisher (a secret cannot contain ':')");
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(GOOD_SECRET, BAD_LINE_SECRET);
        }
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("API key bootstrap file " + file + ", line 3")
                .doesNotContain(GOOD_SECRET, BAD_LINE_SECRET);
    }
}
