package dev.ferrite.gateway.listener;

import static dev.ferrite.gateway.listener.MqttPackets.PROTOCOL_3_1_1;
import static dev.ferrite.gateway.listener.MqttPackets.PROTOCOL_5;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * [MQTT-1.5.3-1] (5.0: [MQTT-1.5.4-1]): a string that is not well-formed UTF-8 makes the packet
 * malformed and closes the connection. Today the gateway keeps the connection open and routes
 * the message: Netty's MqttDecoder decodes strings leniently, replacing ill-formed sequences
 * with U+FFFD, so the stages after it cannot tell. Enable once the gateway decodes strictly.
 */
@Disabled("needs strict UTF-8 decoding: Netty's MqttDecoder replaces ill-formed UTF-8 with U+FFFD")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ferrite.gateway.max-packet-size=" + ProtocolViolationsTest.MAX_PACKET_SIZE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IllFormedUtf8Test {

    @Autowired
    MqttListener listener;

    private Bystander bystander;

    @BeforeAll
    void connectBystander() throws Exception {
        bystander = Bystander.connect(listener.tcpPort());
    }

    @AfterEach
    void theBystanderIsUnaffected() throws Exception {
        bystander.assertStillPublishesAndReceives();
    }

    @AfterAll
    void disconnectBystander() throws Exception {
        bystander.close();
    }

    @ParameterizedTest(name = "MQTT level {0}")
    @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
    void section_1_5_3_aTopicWithATruncatedUtf8SequenceClosesTheConnection(int level) throws Exception {
        byte[] truncatedSequence = {'a', '/', (byte) 0xC3, '/', 'b'};
        try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), level, "bad-utf8-" + level)) {
            client.send(MqttPackets.publish(0, level, truncatedSequence, "x"));

            client.awaitClosedByGateway();
        }
    }

    /** 5.0 1.5.4 and 4.13: an MQTT 5 client is told 0x81 Malformed Packet before the close. */
    @Test
    void section_1_5_4_anMqtt5ClientIsToldMalformedPacket() throws Exception {
        byte[] truncatedSequence = {'a', '/', (byte) 0xC3, '/', 'b'};
        try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), PROTOCOL_5, "bad-utf8-reason")) {
            client.send(MqttPackets.publish(0, PROTOCOL_5, truncatedSequence, "x"));

            assertThat(client.awaitDisconnectReasonCode()).as("DISCONNECT reason code").isEqualTo(0x81);
        }
    }

    /** The code points U+D800 to U+DFFF are excluded explicitly. */
    @ParameterizedTest(name = "MQTT level {0}")
    @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
    void section_1_5_3_aTopicWithAnEncodedSurrogateClosesTheConnection(int level) throws Exception {
        byte[] encodedSurrogate = {'a', '/', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), level, "surrogate-" + level)) {
            client.send(MqttPackets.publish(0, level, encodedSurrogate, "x"));

            client.awaitClosedByGateway();
        }
    }
}
