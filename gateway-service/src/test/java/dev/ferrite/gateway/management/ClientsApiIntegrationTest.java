package dev.ferrite.gateway.management;

import static dev.ferrite.gateway.testing.GatewayHttp.json;
import static dev.ferrite.gateway.testing.PahoClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.testing.Eventually;
import dev.ferrite.gateway.testing.GatewayHttp;
import dev.ferrite.gateway.testing.ManagementTest;
import dev.ferrite.gateway.testing.PahoClients;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/v5/clients}: listing, filters, paging, one client, its subscriptions, and kicking it out. */
@ManagementTest
class ClientsApiIntegrationTest {

    @Autowired
    MqttListener listener;

    @LocalServerPort
    int port;

    private PahoClients clients;
    private GatewayHttp admin;

    @BeforeEach
    void clients() {
        clients = new PahoClients(listener.tcpPort());
        admin = GatewayHttp.asAdministrator(port);
    }

    @AfterEach
    void close() throws Exception {
        clients.closeAll();
    }

    @Test
    void clientsAreListedByIdWithEmqxsFilters() throws Exception {
        connect("api-c-1", "u1");
        connect("api-c-2", "u2");
        connect("api-x-3", "u1");
        MqttConnectionOptions persistent = new MqttConnectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(30L);
        clients.connect("api-off", persistent).disconnect();

        assertThat(clientIds("like_clientid=api-c")).containsExactly("api-c-1", "api-c-2");
        assertThat(clientIds("clientid=api-c-2&clientid=api-x-3")).containsExactly("api-c-2", "api-x-3");
        assertThat(clientIds("username=u1&like_clientid=api-")).containsExactly("api-c-1", "api-x-3");
        assertThat(clientIds("like_username=u&like_clientid=api-")).containsExactly("api-c-1", "api-c-2", "api-x-3");
        Eventually.check(() -> assertThat(clientIds("conn_state=disconnected&like_clientid=api-"))
                .containsExactly("api-off"));
        assertThat(clientIds("conn_state=connected&like_clientid=api-")).containsExactly("api-c-1", "api-c-2", "api-x-3");
        assertThat(clientIds("proto_ver=4&like_clientid=api-")).isEmpty();
        clients.device("api-off").disconnect();
    }

    @Test
    void pagesCarryEmqxsMeta() throws Exception {
        for (int i = 1; i <= 5; i++) {
            connect("api-page-" + i, null);
        }

        JsonNode first = json(admin.get("/api/v5/clients?like_clientid=api-page-&limit=2"));
        JsonNode last = json(admin.get("/api/v5/clients?like_clientid=api-page-&limit=2&page=3"));
        JsonNode beyond = json(admin.get("/api/v5/clients?like_clientid=api-page-&limit=2&page=4"));

        assertThat(ids(first)).containsExactly("api-page-1", "api-page-2");
        assertThat(first.path("meta").toString()).isEqualTo("{\"page\":1,\"limit\":2,\"count\":5,\"hasnext\":true}");
        assertThat(ids(last)).containsExactly("api-page-5");
        assertThat(last.path("meta").path("hasnext").asBoolean()).isFalse();
        assertThat(ids(beyond)).isEmpty();
        assertThat(json(admin.get("/api/v5/clients?like_clientid=api-page-")).path("meta").path("limit").asInt())
                .isEqualTo(100);
    }

    @Test
    void aBadPageOrConnectionStateIsAProblem() {
        for (String query : new String[] {"limit=0", "page=0", "limit=10001", "conn_state=asleep", "limit=many"}) {
            HttpResponse<String> response = admin.get("/api/v5/clients?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
        }
    }

    @Test
    void oneClientShowsItsConnectionAndSession() throws Exception {
        MqttClient client = connect("api-one", "olga");
        subscribe(client, "api/one/#", 1);

        JsonNode view = json(admin.get("/api/v5/clients/api-one"));

        assertThat(view.path("clientid").asString()).isEqualTo("api-one");
        assertThat(view.path("username").asString()).isEqualTo("olga");
        assertThat(view.path("node").asString()).isEqualTo(ManagementTest.NODE);
        assertThat(view.path("ip_address").asString()).isEqualTo("127.0.0.1");
        assertThat(view.path("port").asInt()).isPositive();
        assertThat(view.path("listener").asString()).isEqualTo("tcp:default");
        assertThat(view.path("proto_name").asString()).isEqualTo("MQTT");
        assertThat(view.path("proto_ver").asInt()).isEqualTo(5);
        assertThat(view.path("keepalive").asInt()).isEqualTo(60);
        assertThat(view.path("clean_start").asBoolean()).isTrue();
        assertThat(view.path("expiry_interval").asLong()).isZero();
        assertThat(view.path("connected").asBoolean()).isTrue();
        assertThat(view.path("conn_state").asString()).isEqualTo("connected");
        assertThat(OffsetDateTime.parse(view.path("connected_at").asString())).isNotNull();
        assertThat(OffsetDateTime.parse(view.path("created_at").asString())).isNotNull();
        assertThat(view.has("disconnected_at")).isFalse();
        assertThat(view.path("subscriptions_cnt").asInt()).isEqualTo(1);
        assertThat(view.path("mqueue_max").asInt()).isEqualTo(ManagementTest.MAX_QUEUED);
        assertThat(view.path("is_bridge").asBoolean()).isFalse();

        JsonNode subscriptions = json(admin.get("/api/v5/clients/api-one/subscriptions"));
        assertThat(subscriptions.toString()).isEqualTo("[{\"clientid\":\"api-one\",\"topic\":\"api/one/#\",\"qos\":1,"
                + "\"nl\":0,\"rap\":0,\"rh\":0,\"node\":\"" + ManagementTest.NODE + "\"}]");
    }

    @Test
    void anUnknownClientIsNotFound() {
        for (HttpResponse<String> response : List.of(admin.get("/api/v5/clients/nobody-here"),
                admin.get("/api/v5/clients/nobody-here/subscriptions"), admin.delete("/api/v5/clients/nobody-here"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).path("code").asString()).isEqualTo("CLIENTID_NOT_FOUND");
        }
    }

    @Test
    void deletingAClientKicksItOutAndEndsItsSession() throws Exception {
        MqttConnectionOptions persistent = new MqttConnectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(300L);
        MqttClient victim = clients.connect("api-kicked", persistent);
        BlockingQueue<Integer> disconnectReasons = new LinkedBlockingQueue<>();
        victim.setCallback(new DisconnectRecorder(disconnectReasons));

        assertThat(GatewayHttp.asViewer(port).delete("/api/v5/clients/api-kicked").statusCode()).isEqualTo(403);
        HttpResponse<String> kicked = admin.delete("/api/v5/clients/api-kicked");

        assertThat(kicked.statusCode()).isEqualTo(204);
        assertThat(disconnectReasons.poll(10, TimeUnit.SECONDS)).as("administrative action").isEqualTo(0x98);
        Eventually.check(() -> assertThat(admin.get("/api/v5/clients/api-kicked").statusCode())
                .as("the session is gone, not kept for its expiry interval").isEqualTo(404));
    }

    private MqttClient connect(String clientId, String username) throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setUserName(username);
        return clients.connect(clientId, options);
    }

    private List<String> clientIds(String query) {
        HttpResponse<String> response = admin.get("/api/v5/clients?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ids(json(response));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(client -> ids.add(client.path("clientid").asString()));
        return ids;
    }

    /** Records the reason code of a DISCONNECT the server sends. */
    private record DisconnectRecorder(BlockingQueue<Integer> reasons) implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            reasons.add(response.getReturnCode());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
