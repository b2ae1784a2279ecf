package dev.ferrite.gateway.management;

import static dev.ferrite.gateway.testing.GatewayHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.GatewayHttp;
import dev.ferrite.gateway.testing.ManagementTest;
import dev.ferrite.gateway.testing.PahoClients;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v5/subscriptions} and {@code GET /api/v5/topics}, filtered and paged. */
@ManagementTest
class SubscriptionsAndTopicsApiIntegrationTest {

    @Autowired
    MqttListener listener;

    @LocalServerPort
    int port;

    private PahoClients clients;
    private GatewayHttp viewer;

    @BeforeEach
    void subscribers() throws Exception {
        clients = new PahoClients(listener.tcpPort());
        viewer = GatewayHttp.asViewer(port);
        MqttClient first = clients.device("api-s-1");
        first.subscribe(new MqttSubscription[] {new MqttSubscription("api/s/+", 1),
                new MqttSubscription("$share/grp/api/s/#", 2)});
        MqttSubscription withOptions = new MqttSubscription("api/s/x", 0);
        withOptions.setNoLocal(true);
        withOptions.setRetainAsPublished(true);
        withOptions.setRetainHandling(2);
        clients.device("api-s-2").subscribe(new MqttSubscription[] {withOptions});
    }

    @AfterEach
    void close() throws Exception {
        clients.closeAll();
    }

    @Test
    void subscriptionsAreFilteredByClientTopicQosAndShareGroup() {
        assertThat(topics("clientid=api-s-1")).containsExactly("$share/grp/api/s/#", "api/s/+");
        assertThat(topics("share_group=grp")).containsExactly("$share/grp/api/s/#");
        assertThat(topics("clientid=api-s-1&qos=2")).containsExactly("$share/grp/api/s/#");
        assertThat(topics("match_topic=api/s/x&clientid=api-s-1")).containsExactly("$share/grp/api/s/#", "api/s/+");
        assertThat(topics("match_topic=api/other")).isEmpty();

        JsonNode withOptions = json(viewer.get("/api/v5/subscriptions?topic=api/s/x")).path("data");
        assertThat(withOptions.toString()).isEqualTo("[{\"clientid\":\"api-s-2\",\"topic\":\"api/s/x\",\"qos\":0,"
                + "\"nl\":1,\"rap\":1,\"rh\":2,\"node\":\"" + ManagementTest.NODE + "\"}]");
    }

    @Test
    void subscriptionsArePaged() {
        JsonNode page = json(viewer.get("/api/v5/subscriptions?clientid=api-s-1&limit=1&page=2"));

        assertThat(page.path("data").get(0).path("topic").asString()).isEqualTo("api/s/+");
        assertThat(page.path("meta").toString()).isEqualTo("{\"page\":2,\"limit\":1,\"count\":2,\"hasnext\":false}");
        assertThat(viewer.get("/api/v5/subscriptions?match_topic=api/%2B").statusCode())
                .as("match_topic must be a topic name").isEqualTo(400);
    }

    @Test
    void topicsAreTheFiltersInUseWithTheirNode() {
        JsonNode all = json(viewer.get("/api/v5/topics?limit=10000")).path("data");
        List<String> filters = new ArrayList<>();
        all.forEach(topic -> filters.add(topic.path("topic").asString()));

        assertThat(filters).contains("api/s/+", "api/s/#", "api/s/x").doesNotContain("$share/grp/api/s/#");
        JsonNode one = json(viewer.get("/api/v5/topics?topic=api/s/%2B"));
        assertThat(one.path("data").toString())
                .isEqualTo("[{\"topic\":\"api/s/+\",\"node\":\"" + ManagementTest.NODE + "\"}]");
        assertThat(one.path("meta").path("count").asLong()).isEqualTo(1);
    }

    private List<String> topics(String query) {
        List<String> topics = new ArrayList<>();
        json(viewer.get("/api/v5/subscriptions?" + query)).path("data")
                .forEach(subscription -> topics.add(subscription.path("topic").asString()));
        return topics;
    }
}
