package dev.ferrite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./platform up does when it cannot start the platform: it says why and leaves nothing running. */
class LauncherRefusalsTest {

    @TempDir
    Path dataDir;

    @Test
    void aPortInUseIsReportedBeforeAnythingStarts() throws IOException {
        Launcher launcher = new Launcher(dataDir, Launcher.freePortOffset());
        int gatewayPort = launcher.restPort("gateway-service");
        try (ServerSocket squatter = new ServerSocket(gatewayPort, 1, InetAddress.getLoopbackAddress())) {
            Launcher.Result up = launcher.up();

            assertThat(up.exitCode()).as(up.output()).isEqualTo(2);
            assertThat(up.output())
                    .contains("port " + gatewayPort + " (gateway-service REST) is already in use")
                    .contains("nothing was started")
                    .contains("--port-offset");
        }
        assertThat(launcher.recordedPids()).isEmpty();
        assertThat(dataDir.resolve("logs")).doesNotExist();
    }

    @Test
    void aMalformedBootstrapFileStopsStartUpNamingTheLineAndNotTheSecret() throws IOException {
        String secret = "s3cr3t-that-must-not-leak";
        Files.writeString(dataDir.resolve("bootstrap-api-keys.txt"), String.join("\n",
                "# operators' keys",
                "good-key:" + secret + ":viewer",
                "bad-key:" + secret + ":superuser",
                ""));
        Launcher launcher = new Launcher(dataDir, Launcher.freePortOffset());

        Launcher.Result up = launcher.up();

        assertThat(up.exitCode()).as(up.output()).isNotZero();
        assertThat(up.output())
                .contains("auth-service")
                .contains("bootstrap-api-keys.txt, line 3: the third field is not a role")
                .doesNotContain(secret);
        assertThat(Files.readString(dataDir.resolve("logs/auth-service.log"))).doesNotContain(secret);
        for (long pid : launcher.recordedPids()) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid).isEmpty();
        }
        assertThat(launcher.allPorts()).allMatch(Launcher::isFree);
    }
}
