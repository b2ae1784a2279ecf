package dev.ferrite.tls.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.ferrite.tls.RevocationAnswer;
import dev.ferrite.tls.RevocationStatus;
import dev.ferrite.tls.testing.PemWriting;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCSP client against a responder no one here wrote: {@code openssl ocsp -index}. */
class OpenSslResponderInteroperabilityTest {

    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Process responder;

    @AfterEach
    void stop() {
        if (responder != null) {
            responder.destroy();
        }
    }

    @Test
    void goodAndRevokedAnswersOfOpensslAreVerifiedAndUnderstood() throws Exception {
        Instant now = Instant.now();
        TestPki pki = new TestPki(now);
        Issued good = pki.leaf("good");
        Issued revoked = pki.leaf("revoked");
        Files.writeString(dir.resolve("ca.pem"), PemWriting.certificates(pki.intermediate().certificate()));
        Files.writeString(dir.resolve("ca.key"), PemWriting.pkcs8(pki.intermediate().keys().getPrivate()));
        Files.writeString(dir.resolve("index.txt"), indexLine("V", good, null) + indexLine("R", revoked, now));
        responder = new ProcessBuilder("openssl", "ocsp", "-index", "index.txt", "-port", "0",
                "-rsigner", "ca.pem", "-rkey", "ca.key", "-CA", "ca.pem", "-ndays", "1", "-nrequest", "2")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        int port = announcedPort();
        OcspClient client = new OcspClient(OcspSettings.defaults().withResponderUrl(URI.create(
                "http://127.0.0.1:" + port + "/")).withSendNonce(true), Clock.systemUTC());

        RevocationAnswer goodAnswer = client.check(good.certificate(), pki.intermediate().certificate());
        RevocationAnswer revokedAnswer = client.check(revoked.certificate(), pki.intermediate().certificate());

        assertThat(goodAnswer.status()).as(goodAnswer.detail()).isEqualTo(RevocationStatus.GOOD);
        assertThat(revokedAnswer.status()).as(revokedAnswer.detail()).isEqualTo(RevocationStatus.REVOKED);
    }

    private static String indexLine(String state, Issued issued, Instant revokedAt) {
        String serial = issued.serial().toString(16).toUpperCase();
        serial = serial.length() % 2 == 0 ? serial : "0" + serial;
        return state + "\t" + INDEX_TIME.format(issued.certificate().getNotAfter().toInstant()) + "\t"
                + (revokedAt == null ? "" : INDEX_TIME.format(revokedAt.minusSeconds(60))) + "\t" + serial
                + "\tunknown\t/CN=" + (revokedAt == null ? "good" : "revoked") + "\n";
    }

    /** openssl says "ACCEPT [::]:PORT PID=..." once it listens on the port it was given (0: any free one). */
    private int announcedPort() throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(responder.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            Matcher accept = Pattern.compile("^ACCEPT .*:(\\d+) ").matcher(line);
            if (accept.find()) {
                return Integer.parseInt(accept.group(1));
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("openssl ocsp did not start: " + seen);
    }
}
