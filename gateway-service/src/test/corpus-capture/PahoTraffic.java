import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * One Paho session against the capture proxy: {@code java -cp <paho jars> PahoTraffic.java PORT SCENARIO},
 * SCENARIO one of v31, v311, v5. Each publishes at QoS 0, 1 and 2, subscribes, unsubscribes, waits
 * for a PINGREQ and disconnects.
 */
public class PahoTraffic {

    public static void main(String[] args) throws Exception {
        String uri = "tcp://127.0.0.1:" + args[0];
        switch (args[1]) {
            case "v31" -> v3(uri, MqttConnectOptions.MQTT_VERSION_3_1);
            case "v311" -> v3(uri, MqttConnectOptions.MQTT_VERSION_3_1_1);
            case "v5" -> v5(uri);
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    private static void v3(String uri, int version) throws Exception {
        MqttClient client = new MqttClient(uri, "paho3-" + version,
                new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(version);
        options.setCleanSession(true);
        options.setKeepAliveInterval(1);
        options.setUserName("device-17");
        options.setPassword("s3cret".toCharArray());
        options.setWill("devices/17/status", "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        client.connect(options);
        client.subscribe(new String[] {"sensors/+/temp", "alarms/#"}, new int[] {1, 2});
        client.publish("sensors/kitchen/temp", "21.5".getBytes(StandardCharsets.UTF_8), 0, false);
        client.publish("sensors/hall/temp", "19.0".getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish("alarms/door", "open".getBytes(StandardCharsets.UTF_8), 2, true);
        client.publish("alarms/door", new byte[0], 1, true);
        Thread.sleep(2500); // keep-alive 1 s: a PINGREQ
        client.unsubscribe(new String[] {"sensors/+/temp", "alarms/#"});
        client.disconnect();
        client.close();
    }

    private static void v5(String uri) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri, "paho5-capture", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(1);
        options.setUserName("device-42");
        options.setPassword("s3cret".getBytes(StandardCharsets.UTF_8));
        options.setSessionExpiryInterval(300L);
        options.setReceiveMaximum(20);
        options.setMaximumPacketSize(65536L);
        options.setTopicAliasMaximum(10);
        options.setRequestProblemInfo(true);
        options.setRequestResponseInfo(true);
        options.setUserProperties(List.of(new UserProperty("site", "plant-3")));
        MqttMessage will = new MqttMessage("offline".getBytes(StandardCharsets.UTF_8), 1, true, null);
        options.setWill("devices/42/status", will);
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(5L);
        willProperties.setMessageExpiryInterval(600L);
        willProperties.setContentType("text/plain");
        willProperties.setPayloadFormat(true);
        willProperties.setUserProperties(List.of(new UserProperty("reason", "lost")));
        options.setWillMessageProperties(willProperties);
        client.connect(options).waitForCompletion(10_000);

        MqttSubscription noLocal = new MqttSubscription("sensors/+/temp", 1);
        noLocal.setNoLocal(true);
        noLocal.setRetainAsPublished(true);
        noLocal.setRetainHandling(1);
        MqttSubscription all = new MqttSubscription("alarms/#", 2);
        all.setRetainHandling(2);
        MqttProperties subscribeProperties = new MqttProperties();
        subscribeProperties.setSubscriptionIdentifier(7);
        subscribeProperties.setUserProperties(List.of(new UserProperty("app", "capture")));
        client.subscribe(new MqttSubscription[] {noLocal, all}, null, null, subscribeProperties).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription("$share/workers/jobs/#", 1)).waitForCompletion(10_000);

        for (int qos = 0; qos <= 2; qos++) {
            MqttMessage message = new MqttMessage(("reading-" + qos).getBytes(StandardCharsets.UTF_8), qos, qos == 2, null);
            MqttProperties properties = new MqttProperties();
            properties.setMessageExpiryInterval(60L);
            properties.setContentType("text/plain");
            properties.setPayloadFormat(true);
            properties.setResponseTopic("replies/42");
            properties.setCorrelationData(new byte[] {1, 2, 3, 4});
            properties.setUserProperties(List.of(new UserProperty("unit", "celsius")));
            message.setProperties(properties);
            client.publish("sensors/line-" + qos + "/temp", message).waitForCompletion(10_000);
        }
        Thread.sleep(2500); // keep-alive 1 s: a PINGREQ
        client.unsubscribe(new String[] {"sensors/+/temp", "alarms/#"}).waitForCompletion(10_000);
        MqttProperties disconnectProperties = new MqttProperties();
        disconnectProperties.setReasonString("going to sleep");
        disconnectProperties.setSessionExpiryInterval(0L);
        client.disconnect(5_000, null, null, 0x04, disconnectProperties).waitForCompletion(10_000);
        client.close();
    }
}
