package dev.ferrite.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The gateway's MQTT core against clients nobody here wrote: Eclipse Paho (3.1.1 and 5.0) and
 * the mosquitto command-line clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MqttClientsIntegrationTest {

    @Autowired
    MqttListener listener;

    private final List<AutoCloseable> clients = new java.util.ArrayList<>();

    private String uri;

    @BeforeEach
    void address() {
        uri = "tcp://127.0.0.1:" + listener.tcpPort();
    }

    @AfterEach
    void disconnect() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    void aPaho5SubscriberReceivesWhatAPaho3PublisherSendsAtQos0And1() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = v5("sub-1");
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("sensors/+/temp", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (topic, message) -> received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8)
                                + "@" + message.getQos())});

        org.eclipse.paho.client.mqttv3.MqttClient publisher = v3("pub-1", true);
        publisher.publish("sensors/kitchen/temp", "21.5".getBytes(StandardCharsets.UTF_8), 0, false);
        publisher.publish("sensors/hall/temp", "19.0".getBytes(StandardCharsets.UTF_8), 1, false);
        publisher.publish("sensors/hall/humidity", "40".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("sensors/kitchen/temp=21.5@0");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("sensors/hall/temp=19.0@1");
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("a topic no filter matches").isNull();
    }

    @Test
    void aWebSocketPublisherReachesATcpSubscriber() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = v5("tcp-sub");
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("ws/#", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (topic, message) -> received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8))});

        MqttClient overWebSocket = v5At("ws://127.0.0.1:" + listener.webSocketPort() + "/mqtt", "ws-pub");
        overWebSocket.publish("ws/door", "open".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("ws/door=open");
    }

    @Test
    void aWebSocketUpgradeOnAnotherPathIsRefused() {
        assertThatThrownBy(() -> v5At("ws://127.0.0.1:" + listener.webSocketPort() + "/elsewhere", "lost"))
                .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);
    }

    @Test
    void mosquittoClientsTalkThroughTheGateway() throws Exception {
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(listener.tcpPort()),
                "-t", "alarms/#", "-C", "1", "-W", "20", "-v", "-V", "mqttv311").redirectErrorStream(true).start();
        awaitSubscribers("alarms/door", sub);

        assertThat(sub.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                .isEqualTo("alarms/door open");
        assertThat(sub.exitValue()).isZero();
    }

    @Test
    void aVersion5ClientWithoutAnIdIsAssignedOne() throws Exception {
        MqttClient client = new MqttClient(uri, "", new MemoryPersistence());
        clients.add(client::disconnectForcibly);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);

        org.eclipse.paho.mqttv5.client.IMqttToken token = client.connectWithResult(options);

        assertThat(token.getResponseProperties().getAssignedClientIdentifier()).startsWith("ferrite-");
    }

    @Test
    void aVersion311ClientWithoutAnIdAndWithoutCleanSessionIsRefused() {
        assertThatThrownBy(() -> v3("", false))
                .isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class)
                .satisfies(e -> assertThat(((org.eclipse.paho.client.mqttv3.MqttException) e).getReasonCode())
                        .isEqualTo(org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_INVALID_CLIENT_ID));
    }

    @Test
    void aSecondConnectionWithTheSameClientIdTakesTheSessionOver() throws Exception {
        MqttClient first = v5("same-id");
        MqttClient second = v5("same-id");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (first.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isConnected()).isFalse();
        assertThat(second.isConnected()).isTrue();
    }

    @Test
    void aPublishToAWildcardTopicClosesThatConnectionOnly() throws Exception {
        MqttClient bystander = v5("bystander");
        try (Socket raw = new Socket("127.0.0.1", listener.tcpPort())) {
            raw.getOutputStream().write(connectPacket("raw-wildcard"));
            InputStream in = raw.getInputStream();
            assertThat(in.readNBytes(4)).containsExactly(0x20, 0x02, 0x00, 0x00);
            // PUBLISH QoS 0 to "a/#"
            raw.getOutputStream().write(new byte[] {0x30, 0x05, 0x00, 0x03, 'a', '/', '#'});
            raw.setSoTimeout(5000);
            assertThat(in.read()).as("the gateway closes the connection").isEqualTo(-1);
        }
        assertThat(bystander.isConnected()).isTrue();
    }

    @Test
    void aFirstPacketOtherThanConnectClosesTheConnection() throws Exception {
        try (Socket raw = new Socket("127.0.0.1", listener.tcpPort())) {
            raw.getOutputStream().write(new byte[] {(byte) 0xC0, 0x00}); // PINGREQ
            raw.setSoTimeout(5000);
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
        }
    }

    private void awaitSubscribers(String topic, Process subscriber) throws Exception {
        // mosquitto_sub has no "subscribed" signal; publish until it has received one message.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (subscriber.isAlive() && System.nanoTime() < deadline) {
            Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(listener.tcpPort()),
                    "-t", topic, "-m", "open", "-q", "1").redirectErrorStream(true).start();
            assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(pub.exitValue()).as(new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            subscriber.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] connectPacket(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] packet = new byte[2 + 10 + 2 + id.length];
        int i = 0;
        packet[i++] = 0x10;
        packet[i++] = (byte) (10 + 2 + id.length);
        for (byte b : new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C}) {
            packet[i++] = b;
        }
        packet[i++] = 0x00;
        packet[i++] = (byte) id.length;
        System.arraycopy(id, 0, packet, i, id.length);
        return packet;
    }

    private MqttClient v5(String clientId) throws Exception {
        return v5At(uri, clientId);
    }

    private MqttClient v5At(String serverUri, String clientId) throws Exception {
        MqttClient client = new MqttClient(serverUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        client.connect(options);
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close(true);
        });
        return client;
    }

    private org.eclipse.paho.client.mqttv3.MqttClient v3(String clientId, boolean cleanSession) throws Exception {
        org.eclipse.paho.client.mqttv3.MqttClient client = new org.eclipse.paho.client.mqttv3.MqttClient(uri, clientId,
                new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(options);
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close(true);
        });
        return client;
    }
}
