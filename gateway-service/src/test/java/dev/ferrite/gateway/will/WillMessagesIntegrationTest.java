package dev.ferrite.gateway.will;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.RawMqttClient;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Will Messages (MQTT 3.1.2.5 and 5 3.1.3.2): sent when a client is lost, not after a normal DISCONNECT. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WillMessagesIntegrationTest {

    @Autowired
    MqttListener listener;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void aConnectionLostWithoutDisconnectPublishesTheWill() throws Exception {
        BlockingQueue<String> wills = watch("wills/lost");

        try (RawMqttClient device = RawMqttClient.connect(listener.tcpPort(),
                Packets.connect("lost-device").will("wills/lost", "gone", 0, false))) {
            assertThat(device.pingBarrier()).isEmpty();
        }

        assertThat(wills.poll(10, TimeUnit.SECONDS)).isEqualTo("gone");
    }

    @Test
    void aClientSilentPastOneAndAHalfKeepAlivesIsClosedAndItsWillPublished() throws Exception {
        BlockingQueue<String> wills = watch("wills/silent");

        try (RawMqttClient device = RawMqttClient.connect(listener.tcpPort(),
                Packets.connect("silent-device").keepAlive(1).will("wills/silent", "timed out", 0, false))) {
            assertThat(device.isClosedByGateway()).as("the gateway closes the silent connection").isTrue();
        }

        assertThat(wills.poll(10, TimeUnit.SECONDS)).isEqualTo("timed out");
    }

    @Test
    void aNormalDisconnectDiscardsTheWill() throws Exception {
        BlockingQueue<String> wills = watch("wills/normal");
        MqttClient device = new MqttClient(uri(), "polite-device", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setWill("wills/normal", new MqttMessage("should not".getBytes(StandardCharsets.UTF_8)));
        device.connect(options);

        device.disconnect();
        device.close();

        assertThat(wills.poll(700, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void disconnectWithReasonFourAsksForTheWill() throws Exception {
        BlockingQueue<String> wills = watch("wills/asked");
        MqttAsyncClient device = new MqttAsyncClient(uri(), "asking-device", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setWill("wills/asked", new MqttMessage("as asked".getBytes(StandardCharsets.UTF_8)));
        device.connect(options).waitForCompletion(10_000);

        device.disconnect(1000, null, null, 0x04, new MqttProperties()).waitForCompletion(10_000);
        device.close();

        assertThat(wills.poll(10, TimeUnit.SECONDS)).isEqualTo("as asked");
    }

    @Test
    void aDelayedWillIsCancelledWhenTheClientComesBackInTime() throws Exception {
        BlockingQueue<String> wills = watch("wills/delayed");
        MqttClient flaky = delayedWillClient("flaky-device", 3);
        flaky.disconnectForcibly(0, 1000, false);
        flaky.close();

        MqttClient back = delayedWillClient("flaky-device", 3);

        assertThat(wills.poll(4500, TimeUnit.MILLISECONDS)).isNull();
        back.disconnect();
        back.close();
    }

    @Test
    void aDelayedWillIsPublishedWhenTheClientStaysAway() throws Exception {
        BlockingQueue<String> wills = watch("wills/delayed-gone");
        MqttClient gone = new MqttClient(uri(), "gone-device", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setWill("wills/delayed-gone", new MqttMessage("after a while".getBytes(StandardCharsets.UTF_8)));
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(1L);
        options.setWillMessageProperties(willProperties);
        options.setSessionExpiryInterval(60L);
        gone.connect(options);

        gone.disconnectForcibly(0, 1000, false);
        gone.close();

        assertThat(wills.poll(300, TimeUnit.MILLISECONDS)).as("not before the delay").isNull();
        assertThat(wills.poll(10, TimeUnit.SECONDS)).isEqualTo("after a while");
    }

    /** MQTT 5 3.1.3.2.2: the will waits for its delay or the end of the session, whichever comes first. */
    @Test
    void aDelayedWillGoesOutWhenTheSessionEndsFirst() throws Exception {
        BlockingQueue<String> wills = watch("wills/session-ended");
        MqttClient gone = new MqttClient(uri(), "short-session-device", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setWill("wills/session-ended", new MqttMessage("session over".getBytes(StandardCharsets.UTF_8)));
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(3600L);
        options.setWillMessageProperties(willProperties);
        options.setSessionExpiryInterval(0L);
        gone.connect(options);

        gone.disconnectForcibly(0, 1000, false);
        gone.close();

        assertThat(wills.poll(10, TimeUnit.SECONDS)).isEqualTo("session over");
    }

    private MqttClient delayedWillClient(String clientId, long delaySeconds) throws Exception {
        MqttClient client = new MqttClient(uri(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setWill("wills/delayed", new MqttMessage("flaked".getBytes(StandardCharsets.UTF_8)));
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(delaySeconds);
        options.setWillMessageProperties(willProperties);
        options.setSessionExpiryInterval(60L);
        client.connect(options);
        return client;
    }

    private BlockingQueue<String> watch(String topic) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient watcher = new MqttClient(uri(), "watcher-" + topic.replace('/', '-'), new MemoryPersistence());
        watcher.connect();
        watcher.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                new IMqttMessageListener[] {(t, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8))});
        resources.add(() -> {
            watcher.disconnectForcibly(1000);
            watcher.close(true);
        });
        return received;
    }

    private String uri() {
        return "tcp://127.0.0.1:" + listener.tcpPort();
    }
}
