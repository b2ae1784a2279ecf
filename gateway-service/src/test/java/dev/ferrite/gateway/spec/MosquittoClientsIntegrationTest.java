package dev.ferrite.gateway.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.MqttClients;
import org.junit.jupiter.api.Test;

/**
 * A client nobody here wrote and not in Java: the mosquitto command-line clients, for a slice of
 * the protocol (QoS 2 exactly once, a persistent session resumed, shared subscriptions; the
 * retained and will cases are in RetainedMessagesIntegrationTest and WillIntegrationTest).
 */
class MosquittoClientsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void qos2_eachMessageArrivesExactlyOnceAndInOrder() throws Exception {
        Process sub = clients.mosquitto("mosquitto_sub", "-V", "mqttv5", "-i", "cli-qos2-sub", "-q", "2",
                "-t", "cli/qos2", "-C", "21", "-W", "30");
        clients.awaitSubscription("cli-qos2-sub", "cli/qos2");

        List<String> lines = new ArrayList<>(IntStream.rangeClosed(1, 20).mapToObj(i -> "m" + i).toList());
        lines.add("end");
        publishLines("cli/qos2", 2, lines);

        assertThat(sub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(MqttClients.output(sub).lines()).as("21 messages and the last one is the end: no duplicate")
                .containsExactlyElementsOf(lines);
    }

    @Test
    void mqtt311_aPersistentSessionGetsWhatWasPublishedWhileItWasAway() throws Exception {
        clients.mosquittoRun("mosquitto_sub", "-V", "mqttv311", "-i", "cli-persistent", "-c", "-q", "1",
                "-t", "cli/persistent", "-E");
        clients.awaitOffline("cli-persistent");

        publishLines("cli/persistent", 1, List.of("a", "b", "c"));

        String resumed = clients.mosquittoRun("mosquitto_sub", "-V", "mqttv311", "-i", "cli-persistent", "-c", "-q", "1",
                "-t", "cli/persistent", "-C", "3", "-W", "20");
        assertThat(resumed.lines()).containsExactly("a", "b", "c");
    }

    @Test
    void mqtt5_aPersistentSessionWithExpiryGetsWhatWasPublishedWhileItWasAway() throws Exception {
        clients.mosquittoRun("mosquitto_sub", "-V", "mqttv5", "-i", "cli-persistent-5", "-c", "-x", "60", "-q", "2",
                "-t", "cli/persistent5", "-E");
        clients.awaitOffline("cli-persistent-5");

        publishLines("cli/persistent5", 2, List.of("x", "y"));

        String resumed = clients.mosquittoRun("mosquitto_sub", "-V", "mqttv5", "-i", "cli-persistent-5", "-c", "-x", "60",
                "-q", "2", "-t", "cli/persistent5", "-C", "2", "-W", "20");
        assertThat(resumed.lines()).containsExactly("x", "y");
    }

    @Test
    void sharedSubscription_theGroupSplitsTheMessages() throws Exception {
        Process first = clients.mosquitto("mosquitto_sub", "-V", "mqttv5", "-i", "cli-share-a", "-q", "1",
                "-t", "$share/cli/cli/shared", "-C", "2", "-W", "30");
        Process second = clients.mosquitto("mosquitto_sub", "-V", "mqttv5", "-i", "cli-share-b", "-q", "1",
                "-t", "$share/cli/cli/shared", "-C", "2", "-W", "30");
        clients.awaitSubscription("cli-share-a", "$share/cli/cli/shared");
        clients.awaitSubscription("cli-share-b", "$share/cli/cli/shared");

        publishLines("cli/shared", 1, List.of("s1", "s2", "s3", "s4"));

        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> a = MqttClients.output(first).lines().toList();
        List<String> b = MqttClients.output(second).lines().toList();
        assertThat(a).hasSize(2);
        assertThat(b).hasSize(2);
        assertThat(Stream.concat(a.stream(), b.stream())).containsExactlyInAnyOrder("s1", "s2", "s3", "s4");
    }

    /** One {@code mosquitto_pub -l}: each line a message, in order, over one connection. */
    private void publishLines(String topic, int qos, List<String> lines) throws Exception {
        Process pub = clients.mosquitto("mosquitto_pub", "-V", "mqttv5", "-t", topic, "-q", Integer.toString(qos), "-l");
        try (OutputStream stdin = pub.getOutputStream()) {
            stdin.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).as(MqttClients.output(pub)).isZero();
    }
}
