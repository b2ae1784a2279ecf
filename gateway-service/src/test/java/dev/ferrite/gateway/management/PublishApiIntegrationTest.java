package dev.ferrite.gateway.management;

import static dev.ferrite.gateway.testing.GatewayHttp.json;
import static dev.ferrite.gateway.testing.PahoClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.GatewayHttp;
import dev.ferrite.gateway.testing.ManagementTest;
import dev.ferrite.gateway.testing.PahoClients;
import dev.ferrite.gateway.testing.PahoClients.Received;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/v5/publish} and {@code /publish/bulk}, checked by a Paho 5 subscriber. */
@ManagementTest
class PublishApiIntegrationTest {

    @Autowired
    MqttListener listener;

    @LocalServerPort
    int port;

    private PahoClients clients;
    private GatewayHttp publisher;
    private BlockingQueue<Received> received;

    @BeforeEach
    void subscriber() throws Exception {
        clients = new PahoClients(listener.tcpPort());
        publisher = GatewayHttp.asPublisher(port);
        received = subscribe(clients.device("api-p-sub"), "api/p/#", 2);
    }

    @AfterEach
    void close() throws Exception {
        clients.closeAll();
    }

    @Test
    void aPublishedMessageArrivesWithItsPropertiesAndTheAnswerHoldsItsId() throws Exception {
        HttpResponse<String> response = publisher.post("/api/v5/publish", """
                {"topic": "api/p/1", "payload": "hello", "qos": 1, "retain": false,
                 "properties": {"payload_format_indicator": 1, "message_expiry_interval": 60,
                                "content_type": "text/plain", "response_topic": "api/p/reply",
                                "correlation_data": "c-1", "user_properties": {"site": "north"}}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).matches("[0-9a-f]+");
        Received message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message.topic()).isEqualTo("api/p/1");
        assertThat(message.payload()).isEqualTo("hello");
        assertThat(message.message().getQos()).isEqualTo(1);
        MqttProperties properties = message.message().getProperties();
        assertThat(properties.getPayloadFormat()).isTrue();
        assertThat(properties.getMessageExpiryInterval()).isBetween(59L, 60L);
        assertThat(properties.getContentType()).isEqualTo("text/plain");
        assertThat(properties.getResponseTopic()).isEqualTo("api/p/reply");
        assertThat(new String(properties.getCorrelationData(), StandardCharsets.UTF_8)).isEqualTo("c-1");
        assertThat(properties.getUserProperties()).singleElement()
                .satisfies(property -> assertThat(property.getKey() + "=" + property.getValue()).isEqualTo("site=north"));
    }

    @Test
    void aBase64PayloadIsDecodedAndARetainedOneKept() throws Exception {
        HttpResponse<String> response = publisher.post("/api/v5/publish",
                "{\"topic\": \"api/p/retained\", \"payload\": \"aGk=\", \"payload_encoding\": \"base64\", \"retain\": true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.poll(10, TimeUnit.SECONDS).payload()).isEqualTo("hi");
        BlockingQueue<Received> later = subscribe(clients.device("api-p-late"), "api/p/retained", 0);
        Received retained = later.poll(10, TimeUnit.SECONDS);
        assertThat(retained.payload()).isEqualTo("hi");
        assertThat(retained.message().isRetained()).isTrue();
        publisher.post("/api/v5/publish", "{\"topic\": \"api/p/retained\", \"payload\": \"\", \"retain\": true}");
    }

    @Test
    void aMessageNobodySubscribesToIsAcceptedWithReasonCode16() {
        HttpResponse<String> response = publisher.post("/api/v5/publish", "{\"topic\": \"api/nobody\", \"payload\": \"x\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"reason_code\":16,\"message\":\"no_matching_subscribers\"}");
    }

    @Test
    void aTopicWithAWildcardOrOfTheBrokersOwnIsABadRequest() {
        for (String topic : new String[] {"api/p/+", "api/#", "$SYS/brokers/x", "$events/client_connected", ""}) {
            HttpResponse<String> response = publisher.post("/api/v5/publish",
                    "{\"topic\": \"" + topic + "\", \"payload\": \"x\"}");

            assertThat(response.statusCode()).as(topic).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(topic).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.path("reason_code").asInt()).as(topic).isEqualTo(0x90);
            assertThat(problem.path("message").asString()).as(topic).isEqualTo("topic_name_invalid");
            assertThat(problem.path("detail").asString()).as(topic).isNotBlank();
        }
    }

    @Test
    void badFieldsAreBadRequests() {
        for (String body : new String[] {"{\"topic\": \"api/p/1\"}", "{\"topic\": \"api/p/1\", \"payload\": \"x\", \"qos\": 3}",
                "{\"topic\": \"api/p/1\", \"payload\": \"%%%\", \"payload_encoding\": \"base64\"}",
                "{\"topic\": \"api/p/1\", \"payload\": \"x\", \"payload_encoding\": \"hex\"}",
                "{\"topic\": \"api/p/1\", \"payload\": \"x\", \"properties\": {\"response_topic\": \"a/#\"}}",
                "{\"topic\": \"api/p/1\", \"payload\": \"x\", \"properties\": {\"payload_format_indicator\": 2}}",
                "not json"}) {
            HttpResponse<String> response = publisher.post("/api/v5/publish", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
        }
    }

    @Test
    void aBulkPublishAnswersForEachMessageInOrder() throws Exception {
        HttpResponse<String> response = publisher.post("/api/v5/publish/bulk", """
                [{"topic": "api/p/bulk/1", "payload": "one"},
                 {"topic": "api/nobody/bulk", "payload": "two"},
                 {"topic": "api/p/bulk/3", "payload": "three", "qos": 2}]""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answers = json(response);
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).path("id").asString()).isNotEmpty();
        assertThat(answers.get(1).toString()).isEqualTo("{\"reason_code\":16,\"message\":\"no_matching_subscribers\"}");
        assertThat(answers.get(2).path("id").asString()).isNotEmpty();
        assertThat(received.poll(10, TimeUnit.SECONDS).payload()).isEqualTo("one");
        assertThat(received.poll(10, TimeUnit.SECONDS).payload()).isEqualTo("three");

        HttpResponse<String> allDelivered = publisher.post("/api/v5/publish/bulk",
                "[{\"topic\": \"api/p/bulk/4\", \"payload\": \"four\"}]");
        assertThat(allDelivered.statusCode()).isEqualTo(200);
        assertThat(received.poll(10, TimeUnit.SECONDS).payload()).isEqualTo("four");
    }

    @Test
    void aBulkWithOneBadMessagePublishesNone() throws Exception {
        HttpResponse<String> response = publisher.post("/api/v5/publish/bulk", """
                [{"topic": "api/p/bulk/ok", "payload": "not sent"},
                 {"topic": "api/p/bulk/#", "payload": "bad"}]""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("reason_code").asInt()).isEqualTo(0x90);
        assertThat(publisher.post("/api/v5/publish/bulk", "[]").statusCode()).isEqualTo(400);
        publisher.post("/api/v5/publish", "{\"topic\": \"api/p/sentinel\", \"payload\": \"after\"}");
        assertThat(received.poll(10, TimeUnit.SECONDS).payload()).as("the valid message was not sent").isEqualTo("after");
    }
}
