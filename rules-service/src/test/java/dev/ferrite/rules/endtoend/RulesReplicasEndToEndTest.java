package dev.ferrite.rules.endtoend;

import static dev.ferrite.rules.testing.MqttClients.next;
import static dev.ferrite.rules.testing.MqttClients.publish;
import static dev.ferrite.rules.testing.RulesHttp.json;
import static dev.ferrite.rules.testing.RulesHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

import dev.ferrite.rules.testing.Eventually;
import dev.ferrite.rules.testing.GatewayUnderTest;
import dev.ferrite.rules.testing.MqttClients;
import dev.ferrite.rules.testing.MqttClients.Received;
import dev.ferrite.rules.testing.RulesServiceUnderTest;
import dev.ferrite.testing.postgres.PostgresSchema;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two rules-service replicas sharing one PostgreSQL database and one share group on a real
 * gateway: a rule saved through one runs on both, they split the traffic without duplicates,
 * and both reconnect by themselves when the gateway comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PostgresSchema.Reachable.class)
class RulesReplicasEndToEndTest {

    private int mqttPort;
    private PostgresSchema schema;
    private GatewayUnderTest gateway;
    private RulesServiceUnderTest replicaA;
    private RulesServiceUnderTest replicaB;

    @BeforeAll
    void start() throws SQLException {
        mqttPort = freePort();
        schema = PostgresSchema.migrated("classpath:db/rules-service");
        gateway = GatewayUnderTest.start(mqttPort);
        replicaA = replica();
        replicaB = replica();
    }

    @AfterAll
    void stop() throws SQLException {
        replicaA.close();
        replicaB.close();
        gateway.close();
        schema.close();
    }

    @Test
    void aRuleSavedThroughOneReplicaRunsOnBothAndTheySplitTheTrafficWithoutDuplicates() {
        HttpResponse<String> created = replicaA.admin().post("/api/v5/rules", jsonOf("{'id': 'split', 'sql':"
                + " 'SELECT payload.n AS n FROM \\'split/#\\'', 'actions': [{'function': 'republish', 'args':"
                + " {'topic': 'split-out', 'payload': '${n}', 'qos': 1}}]}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        replicaA.awaitSubscribed("split/#");
        replicaB.awaitSubscribed("split/#");
        MqttClient subscriber = MqttClients.device(gateway.mqttUri(), "split-watcher");
        BlockingQueue<Received> out = MqttClients.subscribe(subscriber, "split-out", 1);
        MqttClient device = MqttClients.device(gateway.mqttUri(), "split-device");

        for (int n = 1; n <= 40; n++) {
            publish(device, "split/" + n, "{\"n\": " + n + "}", 1);
        }
        Set<String> received = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            assertThat(received.add(next(out).payload())).isTrue();
        }
        assertThat(received).hasSize(40);

        Eventually.within(Duration.ofSeconds(20), () -> matched(replicaA, "split") + matched(replicaB, "split") == 40);
        assertThat(matched(replicaA, "split")).isPositive();
        assertThat(matched(replicaB, "split")).isPositive();
        MqttClients.close(subscriber, device);
    }

    @Test
    void aRuleDisabledThroughOneReplicaStopsOnTheOtherWithinThePollInterval() {
        replicaB.admin().post("/api/v5/rules", jsonOf("{'id': 'stops', 'sql': 'SELECT * FROM \\'stops/#\\''}"));
        replicaA.awaitSubscribed("stops/#");

        assertThat(replicaB.admin().put("/api/v5/rules/stops", "{\"enable\": false}").statusCode()).isEqualTo(200);

        Eventually.within(Duration.ofSeconds(20), () -> !replicaA.bus().subscribedFilters().contains("stops/#"));
        replicaB.admin().delete("/api/v5/rules/stops");
        Eventually.within(Duration.ofSeconds(20), () -> replicaA.admin().get("/api/v5/rules/stops/metrics").statusCode() == 404);
    }

    @Test
    void bothReplicasReconnectAndSubscribeAgainWhenTheGatewayComesBack() {
        replicaA.admin().post("/api/v5/rules", jsonOf("{'id': 'back', 'sql': 'SELECT payload AS p FROM \\'back/#\\'',"
                + " 'actions': [{'function': 'republish', 'args': {'topic': 'back-out', 'payload': '${p}'}}]}"));
        replicaA.awaitSubscribed("back/#");
        replicaB.awaitSubscribed("back/#");

        gateway.close();
        Eventually.within(Duration.ofSeconds(20), () -> !replicaA.bus().isConnected() && !replicaB.bus().isConnected());
        gateway = GatewayUnderTest.start(mqttPort);

        replicaA.awaitSubscribed("back/#");
        replicaB.awaitSubscribed("back/#");
        MqttClient subscriber = MqttClients.device(gateway.mqttUri(), "back-watcher");
        BlockingQueue<Received> out = MqttClients.subscribe(subscriber, "back-out", 1);
        MqttClient device = MqttClients.device(gateway.mqttUri(), "back-device");
        publish(device, "back/1", "again", 1);

        assertThat(next(out).payload()).isEqualTo("again");
        MqttClients.close(subscriber, device);
    }

    private RulesServiceUnderTest replica() {
        return RulesServiceUnderTest.start(mqttPort,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema.name(),
                "--spring.datasource.username=postgres",
                "--ferrite.rules.poll-interval=200ms");
    }

    private static int matched(RulesServiceUnderTest replica, String ruleId) {
        return json(replica.admin().get("/api/v5/rules/" + ruleId + "/metrics")).path("metrics").path("matched").asInt();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
