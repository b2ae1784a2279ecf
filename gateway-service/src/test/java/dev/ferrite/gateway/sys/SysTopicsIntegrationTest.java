package dev.ferrite.gateway.sys;

import static dev.ferrite.gateway.testing.PahoClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.ManagementTest;
import dev.ferrite.gateway.testing.PahoClients;
import dev.ferrite.gateway.testing.PahoClients.Received;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The {@code $SYS} topics, as a Paho 5 client subscribed to them sees them (published every second here). */
@ManagementTest
class SysTopicsIntegrationTest {

    private static final String PREFIX = "$SYS/brokers/" + ManagementTest.NODE + "/";

    @Autowired
    MqttListener listener;

    private PahoClients clients;

    @BeforeEach
    void clients() {
        clients = new PahoClients(listener.tcpPort());
    }

    @AfterEach
    void close() throws Exception {
        clients.closeAll();
    }

    @Test
    void aNewSubscriberGetsTheLastValuesAtOnceRetained() throws Exception {
        MqttClient watcher = clients.device("sys-watcher");

        Map<String, Received> retained = new HashMap<>();
        BlockingQueue<Received> received = subscribe(watcher, "$SYS/#", 0);
        // The retained copies come right after the SUBACK, before anything published later.
        for (Received message = received.poll(10, TimeUnit.SECONDS); message != null && message.message().isRetained();
                message = received.poll(3, TimeUnit.SECONDS)) {
            retained.put(message.topic(), message);
        }

        assertThat(retained.get("$SYS/brokers").payload()).isEqualTo(ManagementTest.NODE);
        assertThat(retained).containsKeys(PREFIX + "version", PREFIX + "sysdescr", PREFIX + "uptime", PREFIX + "datetime",
                PREFIX + "stats/connections/count", PREFIX + "stats/connections/max",
                PREFIX + "stats/live_connections/count", PREFIX + "stats/sessions/count",
                PREFIX + "stats/subscriptions/count", PREFIX + "stats/retained/count", PREFIX + "stats/topics/count",
                PREFIX + "metrics/messages/received", PREFIX + "metrics/messages/sent",
                PREFIX + "metrics/messages/dropped", PREFIX + "metrics/bytes/received", PREFIX + "metrics/bytes/sent",
                PREFIX + "metrics/delivery/dropped");
        assertThat(Long.parseLong(retained.get(PREFIX + "uptime").payload())).isNotNegative();
        assertThat(OffsetDateTime.parse(retained.get(PREFIX + "datetime").payload())).isNotNull();
        assertThat(Long.parseLong(retained.get(PREFIX + "stats/connections/count").payload())).isNotNegative();
    }

    @Test
    void mosquittoSubSeesTheRetainedVersion() throws Exception {
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(listener.tcpPort()),
                "-t", PREFIX + "sysdescr", "-C", "1", "-W", "20", "-v", "-V", "mqttv311").redirectErrorStream(true).start();

        assertThat(sub.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                .isEqualTo(PREFIX + "sysdescr " + SysMessages.DESCRIPTION);
        assertThat(sub.exitValue()).isZero();
    }

    @Test
    void theValuesArePublishedAgainEveryInterval() throws Exception {
        MqttClient watcher = clients.device("sys-ticker");
        BlockingQueue<Received> uptimes = subscribe(watcher, PREFIX + "uptime", 0);
        Received first = uptimes.poll(10, TimeUnit.SECONDS);
        assertThat(first.message().isRetained()).isTrue();

        Received next = uptimes.poll(10, TimeUnit.SECONDS);

        assertThat(next).isNotNull();
        assertThat(next.message().isRetained()).as("a live message, not the retained copy").isFalse();
        assertThat(Long.parseLong(next.payload())).isGreaterThan(Long.parseLong(first.payload()));
    }

    @Test
    void theLiveConnectionCountFollowsTheClients() throws Exception {
        MqttClient watcher = clients.device("sys-counter");
        BlockingQueue<Received> counts = subscribe(watcher, PREFIX + "stats/live_connections/count", 0);
        clients.device("sys-extra-1");
        clients.device("sys-extra-2");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long seen = -1;
        while (seen != 3 && System.nanoTime() < deadline) {
            Received count = counts.poll(1, TimeUnit.SECONDS);
            if (count != null) {
                seen = Long.parseLong(count.payload());
            }
        }
        assertThat(seen).as("the three clients of this test").isEqualTo(3);
    }
}
