package dev.ferrite.rules.testing;

import dev.ferrite.apikeyguard.ApiKeyVerifier;
import dev.ferrite.gateway.GatewayServiceApplication;
import dev.ferrite.gateway.listener.MqttListener;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real gateway, started in the test's JVM on free ports. It reads no application file
 * (the class path holds rules-service's), so it gets exactly what it needs here and nothing of
 * rules-service's database.
 */
public final class GatewayUnderTest implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayUnderTest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The token the gateway under test and the rules-service under test share. */
    public static final String INTERNAL_TOKEN = "test-internal-token-0123456789";

    public static GatewayUnderTest start() {
        return start(0);
    }

    /** @param mqttPort 0 for a free one; a fixed one lets a test restart the gateway where clients expect it */
    public static GatewayUnderTest start(int mqttPort) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayServiceApplication.class)
                .initializers(app -> app.getBeanFactory().registerSingleton("testApiKeys",
                        (ApiKeyVerifier) TestApiKeys.verifier()))
                .run("--spring.config.name=ferrite-gateway-under-test",
                        "--spring.application.name=gateway-service",
                        "--server.port=0",
                        "--ferrite.gateway.tcp.port=" + mqttPort,
                        "--ferrite.internal-token=" + INTERNAL_TOKEN,
                        "--ferrite.gateway.ws.port=0",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                        "--logging.level.dev.ferrite.gateway=INFO");
        return new GatewayUnderTest(context);
    }

    public int mqttPort() {
        return context.getBean(MqttListener.class).tcpPort();
    }

    public String mqttUri() {
        return "tcp://127.0.0.1:" + mqttPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
