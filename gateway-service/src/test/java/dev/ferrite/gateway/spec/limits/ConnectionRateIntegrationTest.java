package dev.ferrite.gateway.spec.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import dev.ferrite.gateway.testing.Packets;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** {@code ferrite.gateway.limits.max-connection-rate}: CONNECTs past the rate get CONNACK 0x9F Connection rate exceeded. */
@TestPropertySource(properties = "ferrite.gateway.limits.max-connection-rate=1")
class ConnectionRateIntegrationTest extends GatewayIntegrationTest {

    @Test
    void connectsFasterThanTheRateAreRefusedWith0x9F() {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(clients.rawOpen(Packets.connect("rate-" + i).v5()).expect(Packets.CONNACK).reasonCode());
        }

        // One a second: ten CONNECTs in a row cannot all fit, and every refusal says why.
        assertThat(codes).contains(0x00).contains(0x9F).containsOnly(0x00, 0x9F);
    }
}
