package dev.ferrite.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.MqttClients;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.RawMqttClient;
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

    @Autowired
    SessionDirectory sessions;

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
        MqttClients cli = new MqttClients(listener, sessions);
        clients.add(cli);
        Process sub = cli.mosquitto("mosquitto_sub", "-i", "alarms-sub", "-t", "alarms/#", "-C", "1", "-W", "20", "-v",
                "-V", "mqttv311");
        cli.awaitSubscription("alarms-sub", "alarms/#");
        cli.mosquittoRun("mosquitto_pub", "-t", "alarms/door", "-m", "open", "-q", "1");

        assertThat(sub.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(MqttClients.output(sub).strip()).isEqualTo("alarms/door open");
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
        try (RawMqttClient raw = RawMqttClient.connect(listener.tcpPort(), Packets.connect("raw-wildcard"))) {
            raw.send(Packets.publish(false, "a/#", 0, 0, ""));
            assertThat(raw.isClosedByGateway()).as("the gateway closes the connection").isTrue();
        }
        assertThat(bystander.isConnected()).isTrue();
    }

    @Test
    void aFirstPacketOtherThanConnectClosesTheConnection() throws Exception {
        try (Socket raw = new Socket("127.0.0.1", listener.tcpPort())) {
            raw.getOutputStream().write(Packets.pingreq());
            raw.setSoTimeout(5000);
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
        }
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
