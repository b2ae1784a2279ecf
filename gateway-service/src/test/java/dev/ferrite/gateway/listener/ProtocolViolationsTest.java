package dev.ferrite.gateway.listener;

import static dev.ferrite.gateway.listener.MqttPackets.PROTOCOL_3_1_1;
import static dev.ferrite.gateway.listener.MqttPackets.PROTOCOL_5;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A malformed, oversized or out-of-order packet closes that client's connection and touches
 * nothing else: after each case a Paho client connected all along still publishes and
 * receives. Raw bytes over the real TCP listener, since no client library sends these. Each
 * case runs for MQTT 3.1.1 and 5.0 (level 4 and 5); the MQTT 5 DISCONNECT reason codes the
 * spec asks for before closing are checked in {@link ProtocolViolationReasonCodeTest}, ill-formed
 * UTF-8 in {@link IllFormedUtf8Test}, wildcards in a will topic in {@link WillTopicValidationTest}.
 * Section numbers are MQTT 3.1.1's, with MQTT 5.0's where they differ.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ferrite.gateway.max-packet-size=" + ProtocolViolationsTest.MAX_PACKET_SIZE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolViolationsTest {

    static final int MAX_PACKET_SIZE = 1024;

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

    @Nested
    class Malformed {

        /** 3.1.1 2.2.3 and 5.0 1.5.5: the Remaining Length takes at most four bytes. */
        @ParameterizedTest(name = "MQTT level {0}")
        @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
        void section_2_2_3_aRemainingLengthOfFiveBytesClosesTheConnection(int level) throws Exception {
            try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), level, "long-length-" + level)) {
                client.send(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01});

                client.awaitClosedByGateway();
            }
        }

        /** [MQTT-3.8.1-1]: SUBSCRIBE's fixed header flags are 0010; any other value is malformed. */
        @ParameterizedTest(name = "first byte {0}")
        @ValueSource(ints = {0x80, 0x81, 0x83, 0x8A, 0x8B})
        void section_3_8_1_aSubscribeWithOtherFlagBitsThan0010ClosesTheConnection(int firstByte) throws Exception {
            for (int level : new int[] {PROTOCOL_3_1_1, PROTOCOL_5}) {
                try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), level,
                        "reserved-flags-" + firstByte + "-" + level)) {
                    client.send(MqttPackets.subscribe(firstByte, level, 7, "a/b"));

                    client.awaitClosedByGateway();
                }
            }
        }

        /** [MQTT-3.3.1-4]: a PUBLISH with both QoS bits set closes the connection. */
        @ParameterizedTest(name = "MQTT level {0}")
        @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
        void section_3_3_1_2_aPublishWithQos3ClosesTheConnection(int level) throws Exception {
            try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), level, "qos3-" + level)) {
                client.send(MqttPackets.publish(3, level, "a/b", "x"));

                client.awaitClosedByGateway();
            }
        }
    }

    @Nested
    class Oversized {

        /** 5.0 3.2.2.3.6 and 4.13: a packet over the server's maximum (ferrite.gateway.max-packet-size) closes the connection. */
        @ParameterizedTest(name = "MQTT level {0}")
        @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
        void section_3_2_2_3_6_aPacketOverTheMaximumPacketSizeClosesTheConnection(int level) throws Exception {
            try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), level, "too-large-" + level)) {
                client.send(MqttPackets.publish(0, level, "a/b", "x".repeat(2 * MAX_PACKET_SIZE)));

                client.awaitClosedByGateway();
            }
        }

        /** The limit holds from the fixed header on: the gateway does not wait for (or buffer) the body. */
        @Test
        void section_3_2_2_3_6_anOversizedPacketIsRefusedFromItsFixedHeader() throws Exception {
            try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), PROTOCOL_5, "header-only")) {
                byte[] announced = MqttPackets.publish(0, PROTOCOL_5, "a/b", "x".repeat(64 * MAX_PACKET_SIZE));

                client.send(Arrays.copyOf(announced, 16));

                client.awaitClosedByGateway();
            }
        }

        @Test
        void aPacketWithinTheMaximumIsServed() throws Exception {
            try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), PROTOCOL_5, "within-limit")) {
                client.send(MqttPackets.publish(0, PROTOCOL_5, "a/b", "x".repeat(MAX_PACKET_SIZE / 2)));

                assertThat(client.answersPing()).isTrue();
            }
        }
    }

    @Nested
    class OutOfOrder {

        /** [MQTT-3.1.0-2]: a second CONNECT is a protocol violation; the gateway disconnects the client. */
        @ParameterizedTest(name = "MQTT level {0}")
        @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
        void section_3_1_0_aSecondConnectClosesTheConnection(int level) throws Exception {
            try (RawMqttConnection client = RawMqttConnection.connected(listener.tcpPort(), level, "twice-" + level)) {
                client.send(MqttPackets.connect(level, "twice-" + level));

                client.awaitClosedByGateway();
            }
        }

        /** [MQTT-3.1.0-1]: the first packet must be CONNECT; a SUBSCRIBE first closes the connection unanswered. */
        @ParameterizedTest(name = "MQTT level {0}")
        @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
        void section_3_1_0_aSubscribeBeforeConnectClosesTheConnection(int level) throws Exception {
            try (RawMqttConnection client = RawMqttConnection.open(listener.tcpPort())) {
                client.send(MqttPackets.subscribe(0x82, level, 1, "a/#"));

                assertThat(client.awaitClosedByGateway()).as("packets sent before closing").isEmpty();
            }
        }
    }
}
