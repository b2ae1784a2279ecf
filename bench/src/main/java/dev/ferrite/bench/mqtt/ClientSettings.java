package dev.ferrite.bench.mqtt;

import java.util.Map;

import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * How the load generator's clients reach the broker.
 *
 * @param sourceAddresses how many loopback source addresses (127.0.0.1, 127.0.0.2, ...) to spread connections over
 * @param threads the generator's event loop threads
 * @param connectConcurrency how many connections may wait for their CONNACK at once
 */
record ClientSettings(String host, int port, MqttVersion version, int keepAliveSeconds, int sourceAddresses,
        int threads, int connectConcurrency) {

    static final Map<String, MqttVersion> VERSIONS = Map.of("3.1.1", MqttVersion.MQTT_3_1_1, "5", MqttVersion.MQTT_5);

    static ClientSettings read(OptionReader options, int defaultKeepAlive) {
        return new ClientSettings(
                options.text("host", "127.0.0.1"),
                options.integer("port", 1883, 1, 65535),
                options.choice("mqtt", MqttVersion.MQTT_3_1_1, VERSIONS),
                options.integer("keep-alive", defaultKeepAlive, 0, 65535),
                options.integer("source-addresses", 4, 1, 250),
                options.integer("threads", Math.min(2, Runtime.getRuntime().availableProcessors()), 1, 64),
                options.integer("connect-concurrency", 100, 1, 10_000));
    }

    String versionLabel() {
        return version == MqttVersion.MQTT_5 ? "5" : "3.1.1";
    }
}
