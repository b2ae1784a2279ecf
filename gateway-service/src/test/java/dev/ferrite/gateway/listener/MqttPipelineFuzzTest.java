package dev.ferrite.gateway.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferrite.gateway.session.SessionServices;
import io.netty.handler.codec.mqtt.MqttMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Fuzzes what a client can send: arbitrary bytes through the MQTT decoder and the gateway's own
 * stages, with the node's real services from a gateway started once for the class. For every
 * input: no exception escapes the pipeline, every buffer is released the moment the connection
 * closes, and a well-behaved client connected to the real listener meanwhile is unaffected.
 *
 * <p>An embedded channel rather than a socket: each input is processed completely, synchronously
 * and on the fuzzer's thread, so findings are attributed to the input that caused them, buffers
 * can be counted without waiting for the garbage collector, and there is no socket set-up per
 * input, which makes it tens of times faster than going through the listener.
 *
 * <p>Tagged {@code fuzz}: surefire runs fuzz tests in a JVM of their own, because Jazzer's agent
 * stays in its JVM and the classes it instruments lose reflective metadata that Spring and
 * Netty rely on (constructor parameter names, generic signatures).
 *
 * <p>Plain {@code ./mvnw verify} replays the corpus under
 * {@code src/test/resources/dev/ferrite/gateway/listener/MqttPipelineFuzzTestInputs}; see
 * {@code gateway-service/src/test/README.md} for a fuzzing campaign.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("fuzz")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttPipelineFuzzTest {

    /** While fuzzing, the bystander's round trip runs this often; its subscription is checked every input. */
    private static final int ROUND_TRIP_EVERY_INPUTS_WHILE_FUZZING = 1000;

    @Autowired
    GatewayProperties properties;

    @Autowired
    SessionServices services;

    @Autowired
    MqttListener listener;

    private Bystander bystander;
    private long inputs;

    @BeforeAll
    void connectBystander() throws Exception {
        bystander = Bystander.connect(listener.tcpPort());
    }

    @AfterAll
    void disconnectBystander() throws Exception {
        bystander.assertStillPublishesAndReceives();
        bystander.close();
    }

    @FuzzTest
    void bytesFromAClient(byte[] input) throws Exception {
        FuzzedConnection connection = new FuzzedConnection(properties, services);
        try {
            connection.receive(input);
        } finally {
            connection.close();
        }

        assertThat(connection.unreleasedBuffers()).as("buffers not released after the connection closed").isEmpty();
        bystander.assertStillSubscribed(services.subscriptions());
        if (!fuzzing() || ++inputs % ROUND_TRIP_EVERY_INPUTS_WHILE_FUZZING == 0) {
            bystander.assertStillPublishesAndReceives();
        }
    }

    /** Guards the harness itself: corpus sessions must get past the CONNECT barrier, or fuzzing tests little. */
    @Test
    void aRealClientSessionReachesTheSessionStage() throws Exception {
        FuzzedConnection connection = new FuzzedConnection(properties, services);
        try {
            connection.receive(corpusFile("mosquitto-sub-v311-qos2-unsubscribe.session"));
        } finally {
            connection.close();
        }

        assertThat(connection.sentTypes()).containsExactly(MqttMessageType.CONNACK, MqttMessageType.SUBACK,
                MqttMessageType.UNSUBACK);
        assertThat(connection.unreleasedBuffers()).isEmpty();
    }

    private static byte[] corpusFile(String name) throws IOException {
        String path = "MqttPipelineFuzzTestInputs/bytesFromAClient/" + name;
        try (InputStream in = MqttPipelineFuzzTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static boolean fuzzing() {
        String flag = System.getenv("JAZZER_FUZZ");
        return flag != null && !flag.isEmpty() && !flag.equals("0") && !flag.equalsIgnoreCase("false");
    }
}
