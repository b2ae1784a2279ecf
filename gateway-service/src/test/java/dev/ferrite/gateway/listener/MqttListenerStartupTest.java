package dev.ferrite.gateway.listener;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import dev.ferrite.gateway.GatewayServiceApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

/** A listener that cannot open, or a bad limit, stops start-up with one sentence naming the setting. */
class MqttListenerStartupTest {

    @Test
    void aPortInUseNamesThePortAndTheSetting() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();

            assertThatThrownBy(() -> start("--ferrite.gateway.tcp.port=" + port).close())
                    .hasStackTraceContaining("MQTT/TCP cannot listen on 127.0.0.1:" + port)
                    .hasStackTraceContaining("change ferrite.gateway.tcp.port or ferrite.gateway.tcp.bind");
        }
    }

    @Test
    void anImpossiblePacketSizeNamesTheProperty() {
        assertThatThrownBy(() -> start("--ferrite.gateway.tcp.port=0", "--ferrite.gateway.max-packet-size=1GB").close())
                .hasStackTraceContaining("ferrite.gateway.max-packet-size must be between 64B and 256MB");
    }

    private static org.springframework.context.ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--ferrite.gateway.ws.port=0";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new SpringApplicationBuilder(GatewayServiceApplication.class).run(all);
    }
}
