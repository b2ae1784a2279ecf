package dev.ferrite.gateway.retained;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Retained messages (MQTT 5 3.3.1.3, 3.8.3.1 Retain Handling and Retain As Published) with Paho 5 and mosquitto. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetainedMessagesIntegrationTest {

    @Autowired
    MqttListener listener;

    private final List<MqttClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() throws Exception {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close(true);
        }
    }

    @Test
    void aLaterSubscriberGetsTheLastRetainedMessageWithTheRetainFlag() throws Exception {
        MqttClient publisher = connect("retain-pub");
        publisher.publish("retained/a/status", payload("first"), 1, true);
        publisher.publish("retained/a/status", payload("second"), 1, true);
        publisher.publish("retained/b/status", payload("other"), 0, true);

        BlockingQueue<MqttMessage> received = subscribe(connect("retain-sub"), new MqttSubscription("retained/a/+", 1));

        MqttMessage message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(message.isRetained()).isTrue();
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anEmptyRetainedPayloadClearsTheTopic() throws Exception {
        MqttClient publisher = connect("clear-pub");
        publisher.publish("cleared/topic", payload("stale"), 1, true);
        publisher.publish("cleared/topic", new byte[0], 1, true);

        BlockingQueue<MqttMessage> received = subscribe(connect("clear-sub"), new MqttSubscription("cleared/#", 1));

        assertThat(received.poll(700, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void liveDeliveriesCarryTheRetainFlagOnlyForRetainAsPublished() throws Exception {
        MqttSubscription plain = new MqttSubscription("live/plain", 1);
        MqttSubscription asPublished = new MqttSubscription("live/rap", 1);
        asPublished.setRetainAsPublished(true);
        BlockingQueue<MqttMessage> plainReceived = subscribe(connect("live-plain"), plain);
        BlockingQueue<MqttMessage> rapReceived = subscribe(connect("live-rap"), asPublished);

        MqttClient publisher = connect("live-pub");
        publisher.publish("live/plain", payload("p"), 1, true);
        publisher.publish("live/rap", payload("r"), 1, true);

        assertThat(plainReceived.poll(10, TimeUnit.SECONDS).isRetained()).isFalse();
        assertThat(rapReceived.poll(10, TimeUnit.SECONDS).isRetained()).isTrue();
    }

    @Test
    void retainHandlingTwoSendsNothingAndOneSendsOnlyForANewSubscription() throws Exception {
        connect("handling-pub").publish("handling/x", payload("kept"), 1, true);
        MqttSubscription never = new MqttSubscription("handling/#", 1);
        never.setRetainHandling(2);
        assertThat(subscribe(connect("handling-never"), never).poll(700, TimeUnit.MILLISECONDS)).isNull();

        MqttClient onlyNew = connect("handling-new");
        MqttSubscription ifNew = new MqttSubscription("handling/+", 1);
        ifNew.setRetainHandling(1);
        BlockingQueue<MqttMessage> first = subscribe(onlyNew, ifNew);
        assertThat(first.poll(10, TimeUnit.SECONDS)).isNotNull();
        BlockingQueue<MqttMessage> again = subscribe(onlyNew, ifNew);
        assertThat(again.poll(700, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aSharedSubscriptionGetsNoRetainedMessages() throws Exception {
        connect("shared-pub").publish("sharedretained/x", payload("kept"), 1, true);

        BlockingQueue<MqttMessage> received = subscribe(connect("shared-sub"),
                new MqttSubscription("$share/g1/sharedretained/#", 1));

        assertThat(received.poll(700, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void mosquittoSubGetsWhatMosquittoPubRetained() throws Exception {
        String port = Integer.toString(listener.tcpPort());
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", "cli/retained", "-m", "hello",
                "-r", "-q", "1").redirectErrorStream(true).start();
        assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).isZero();

        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-t", "cli/#", "-C", "1", "-W", "10",
                "-v", "-V", "mqttv5").redirectErrorStream(true).start();

        assertThat(sub.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("cli/retained hello");
    }

    private BlockingQueue<MqttMessage> subscribe(MqttClient client, MqttSubscription subscription) throws Exception {
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        client.subscribe(new MqttSubscription[] {subscription},
                new IMqttMessageListener[] {(topic, message) -> received.add(message)});
        return received;
    }

    private MqttClient connect(String clientId) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + listener.tcpPort(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        clients.add(client);
        return client;
    }

    private static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
