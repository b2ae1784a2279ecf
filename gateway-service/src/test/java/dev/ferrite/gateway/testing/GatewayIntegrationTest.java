package dev.ferrite.gateway.testing;

import dev.ferrite.gateway.listener.MqttListener;
import dev.ferrite.gateway.session.SessionDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A gateway on ephemeral ports and a fresh {@link MqttClients} per test. Subclasses with the
 * same settings share one Spring context; a subclass that needs other settings adds
 * {@code @TestPropertySource} and gets its own (cached for every class with those settings).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    /** The {@code ferrite.internal-token} of the test configuration. */
    public static final String INTERNAL_TOKEN = "test-internal-token";

    @Autowired
    protected MqttListener listener;

    @Autowired
    protected SessionDirectory sessions;

    protected MqttClients clients;

    @BeforeEach
    void openClients() {
        clients = new MqttClients(listener, sessions);
    }

    @AfterEach
    void closeClients() throws Exception {
        clients.close();
    }
}
