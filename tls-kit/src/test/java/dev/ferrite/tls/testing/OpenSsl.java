package dev.ferrite.tls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The openssl command line: a TLS peer and PEM reader that no one here wrote. */
public final class OpenSsl {

    public record Result(int exitCode, String output) {
    }

    private OpenSsl() {
    }

    public static Result run(Path workingDirectory, String... arguments) {
        return run(workingDirectory, new byte[0], arguments);
    }

    /** @param input what openssl reads on standard input (s_client waits for it before it quits) */
    public static Result run(Path workingDirectory, byte[] input, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().write(input);
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl " + String.join(" ", arguments) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run openssl; is it installed? (.ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
