package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.MqttClients;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 3.3.2.3: the PUBLISH properties a publisher sets reach subscribers unchanged (3.3.2.3.2
 * to 3.3.2.3.9), the Message Expiry Interval lowered by the time the message waited.
 */
class MessagePropertiesIntegrationTest extends GatewayIntegrationTest {

    @Test
    void hiveMqToPahoAndHiveMq_everyPropertyPassesThroughUnchanged() throws Exception {
        BlockingQueue<MqttMessage> paho = MqttClients.subscribe(clients.paho5("props-paho-sub"),
                new MqttSubscription("props/t", 1));
        Mqtt5BlockingClient hivemq = clients.hivemqConnected("props-hivemq-sub");
        Mqtt5BlockingClient.Mqtt5Publishes hivemqReceived = hivemq.publishes(MqttGlobalPublishFilter.ALL);
        hivemq.subscribeWith().topicFilter("props/t").qos(MqttQos.AT_LEAST_ONCE).send();

        clients.hivemqConnected("props-pub").publishWith().topic("props/t").qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("{\"on\":true}"))
                .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                .contentType("application/json")
                .responseTopic("props/replies")
                .correlationData(new byte[] {0, 1, 2, (byte) 0xFF})
                .messageExpiryInterval(3600)
                .userProperties().add("region", "eu").add("region", "us").add("trace", "42").applyUserProperties()
                .send();

        Mqtt5Publish viaHivemq = next(hivemqReceived);
        assertThat(viaHivemq.getPayloadFormatIndicator()).hasValue(Mqtt5PayloadFormatIndicator.UTF_8);
        assertThat(viaHivemq.getContentType()).map(Object::toString).hasValue("application/json");
        assertThat(viaHivemq.getResponseTopic()).map(Object::toString).hasValue("props/replies");
        assertThat(viaHivemq.getCorrelationData()).map(MessagePropertiesIntegrationTest::bytes)
                .hasValue(new byte[] {0, 1, 2, (byte) 0xFF});
        assertThat(viaHivemq.getMessageExpiryInterval().orElseThrow()).isBetween(3595L, 3600L);
        assertThat(viaHivemq.getUserProperties().asList()).extracting(p -> p.getName().toString() + "=" + p.getValue().toString())
                .containsExactly("region=eu", "region=us", "trace=42");

        MqttMessage viaPaho = paho.poll(10, TimeUnit.SECONDS);
        assertThat(viaPaho).isNotNull();
        MqttProperties properties = viaPaho.getProperties();
        assertThat(properties.getPayloadFormat()).isTrue();
        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getResponseTopic()).isEqualTo("props/replies");
        assertThat(properties.getCorrelationData()).containsExactly(0, 1, 2, 0xFF);
        assertThat(properties.getMessageExpiryInterval()).isBetween(3595L, 3600L);
        assertThat(properties.getUserProperties()).extracting(UserProperty::getKey, UserProperty::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("region", "eu"),
                        org.assertj.core.groups.Tuple.tuple("region", "us"), org.assertj.core.groups.Tuple.tuple("trace", "42"));
    }

    @Test
    void aMessageWithoutPropertiesArrivesWithNone() {
        Mqtt5BlockingClient subscriber = clients.hivemqConnected("no-props-sub");
        Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
        subscriber.subscribeWith().topicFilter("noprops/t").send();

        clients.hivemqConnected("no-props-pub").publishWith().topic("noprops/t").payload(utf8("bare")).send();

        Mqtt5Publish publish = next(received);
        assertThat(publish.getPayloadFormatIndicator()).isEmpty();
        assertThat(publish.getContentType()).isEmpty();
        assertThat(publish.getResponseTopic()).isEmpty();
        assertThat(publish.getCorrelationData()).isEmpty();
        assertThat(publish.getMessageExpiryInterval()).isEmpty();
        assertThat(publish.getUserProperties().asList()).isEmpty();
    }

    /** MQTT 5 4.10 Request / Response: Response Information, Response Topic and Correlation Data together. */
    @Test
    void aRequestIsAnsweredOnItsResponseTopicWithItsCorrelationData() throws Exception {
        Mqtt5BlockingClient responder = clients.hivemqConnected("responder");
        Mqtt5BlockingClient.Mqtt5Publishes requests = responder.publishes(MqttGlobalPublishFilter.ALL);
        responder.subscribeWith().topicFilter("service/echo").qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5BlockingClient requester = clients.hivemq("requester");
        String responseTopic = requester.connectWith().restrictions().requestResponseInformation(true)
                .applyRestrictions().send().getResponseInformation().orElseThrow() + "/echo";
        Mqtt5BlockingClient.Mqtt5Publishes responses = requester.publishes(MqttGlobalPublishFilter.ALL);
        requester.subscribeWith().topicFilter(responseTopic).qos(MqttQos.AT_LEAST_ONCE).send();
        requester.publishWith().topic("service/echo").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("ping"))
                .responseTopic(responseTopic).correlationData(utf8("request-1")).send();

        Mqtt5Publish request = next(requests);
        responder.publishWith().topic(request.getResponseTopic().orElseThrow()).qos(MqttQos.AT_LEAST_ONCE)
                .correlationData(request.getCorrelationData().orElseThrow()).payload(utf8("pong")).send();

        Mqtt5Publish response = next(responses);
        assertThat(response.getTopic().toString()).isEqualTo("response/requester/echo");
        assertThat(response.getCorrelationData().map(MessagePropertiesIntegrationTest::bytes)).hasValue(utf8("request-1"));
    }

    @Test
    void mosquittoClients_propertiesPassThrough() throws Exception {
        Process sub = clients.mosquitto("mosquitto_sub", "-V", "mqttv5", "-i", "props-mosquitto-sub", "-t", "cliprops/t",
                "-C", "1", "-W", "20", "-F", "%t|%p|%C|%R|%D|%F|%P");
        clients.awaitSubscription("props-mosquitto-sub", "cliprops/t");

        clients.mosquittoRun("mosquitto_pub", "-V", "mqttv5", "-t", "cliprops/t", "-m", "hello", "-q", "1",
                "-D", "publish", "content-type", "text/plain",
                "-D", "publish", "response-topic", "cliprops/replies",
                "-D", "publish", "correlation-data", "abc",
                "-D", "publish", "payload-format-indicator", "1",
                "-D", "publish", "user-property", "k", "v");

        assertThat(sub.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(MqttClients.output(sub).strip()).isEqualTo("cliprops/t|hello|text/plain|cliprops/replies|abc|1|k:v");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
