package dev.ferrite.gateway.listener;

import static dev.ferrite.gateway.listener.MqttPackets.PROTOCOL_3_1_1;
import static dev.ferrite.gateway.listener.MqttPackets.PROTOCOL_5;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A will topic is a topic name (3.1.1 3.1.3.2, 5.0 3.1.3.3), so wildcards in it make the
 * CONNECT a protocol violation ([MQTT-4.7.1-1], 4.8: close the connection). Otherwise, once the
 * client is gone, other clients would get a PUBLISH whose topic name holds a wildcard
 * ([MQTT-3.3.2-2]): one client's bad CONNECT would reach the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ferrite.gateway.max-packet-size=" + ProtocolViolationsTest.MAX_PACKET_SIZE)
class WillTopicValidationTest {

    @Autowired
    MqttListener listener;

    @ParameterizedTest(name = "MQTT level {0}")
    @ValueSource(ints = {PROTOCOL_3_1_1, PROTOCOL_5})
    void section_3_1_3_aConnectWithAWildcardWillTopicIsRefusedAndItsWillNeverSent(int level) throws Exception {
        String prefix = "wild-will-" + level;
        try (RawMqttConnection subscriber = RawMqttConnection.connected(listener.tcpPort(), level, prefix + "-sub")) {
            subscriber.send(MqttPackets.subscribe(0x82, level, 1, prefix + "/+"));
            assertThat(subscriber.readPacket()[0] & 0xFF).as("SUBACK").isEqualTo(0x90);

            try (RawMqttConnection willer = RawMqttConnection.open(listener.tcpPort())) {
                willer.send(MqttPackets.connectWithWill(level, prefix, prefix + "/#", "gone"));

                List<byte[]> beforeClose = willer.awaitClosedByGateway();
                assertThat(beforeClose).as("no accepting CONNACK")
                        .noneMatch(packet -> packet[0] == 0x20 && packet[3] == 0x00);
            }
            assertThat(subscriber.answersPing()).as("the next packet is PINGRESP, not the will").isTrue();
        }
    }
}
