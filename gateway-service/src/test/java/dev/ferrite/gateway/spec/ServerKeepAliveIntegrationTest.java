package dev.ferrite.gateway.spec;

import static dev.ferrite.gateway.testing.MqttClients.next;
import static dev.ferrite.gateway.testing.MqttClients.utf8;
import static dev.ferrite.gateway.testing.Packets.Property.SERVER_KEEP_ALIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import dev.ferrite.gateway.testing.RawMqttClient;
import dev.ferrite.gateway.testing.RawMqttClient.Packet;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** MQTT 5 3.2.2.3.14 Server Keep Alive, set by {@code ferrite.gateway.session.server-keep-alive}. */
@TestPropertySource(properties = "ferrite.gateway.session.server-keep-alive=2s")
class ServerKeepAliveIntegrationTest extends GatewayIntegrationTest {

    @Test
    void theConnAckImposesTheServerKeepAliveAndASilentClientIsDisconnectedByIt() {
        RawMqttClient client = clients.rawOpen(Packets.connect("server-keep-alive-raw").v5().keepAlive(600));

        Packet connAck = client.expect(Packets.CONNACK);
        assertThat(connAck.property(SERVER_KEEP_ALIVE)).isEqualTo(2);
        assertThat(client.expectDisconnectAndClose().reasonCode()).isEqualTo(0x8D);
    }

    @Test
    void aHiveMqClientFollowsTheServerKeepAliveAndStaysConnected() throws Exception {
        Mqtt5BlockingClient client = clients.hivemq("server-keep-alive-hivemq");
        Mqtt5ConnAck connAck = client.connectWith().keepAlive(600).send();
        Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
        client.subscribeWith().topicFilter("ska/t").send();

        assertThat(connAck.getServerKeepAlive()).hasValue(2);
        Thread.sleep(5000); // two and a half keep-alive periods: its PINGREQs keep it connected
        client.publishWith().topic("ska/t").payload(utf8("still here")).send();
        assertThat(next(received).getTopic().toString()).isEqualTo("ska/t");
    }

    @Test
    void mqtt311_aClientKeepsItsOwnKeepAlive() throws Exception {
        RawMqttClient client = clients.rawOpen(Packets.connect("server-keep-alive-311").keepAlive(600));

        assertThat(client.expect(Packets.CONNACK).reasonCode()).isZero();
        Thread.sleep(3500); // past one and a half Server Keep Alives, which 3.1.1 clients do not get
        assertThat(client.pingBarrier()).isEmpty();
    }
}
