package dev.ferrite.gateway.listener;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ferrite.gateway.*}: the MQTT listeners and protocol limits.
 *
 * @param tcp the MQTT/TCP listener
 * @param ws the MQTT over WebSocket listener
 * @param maxPacketSize the largest packet a client may send; larger ones close the connection
 * @param connectTimeout how long a new connection may take to send CONNECT
 */
@ConfigurationProperties("ferrite.gateway")
public record GatewayProperties(
        @DefaultValue Listener tcp,
        @DefaultValue WebSocketListener ws,
        @DefaultValue("1MB") DataSize maxPacketSize,
        @DefaultValue("10s") Duration connectTimeout) {

    /**
     * @param bind the address to listen on; loopback by default, where anonymous clients are allowed
     */
    public record Listener(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String bind,
            @DefaultValue("1883") int port) {

        public Listener {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("ferrite.gateway.tcp.port must be 0 to 65535, was " + port);
            }
        }
    }

    /**
     * @param path the HTTP path of the WebSocket upgrade
     */
    public record WebSocketListener(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String bind,
            @DefaultValue("8083") int port,
            @DefaultValue("/mqtt") String path) {

        public WebSocketListener {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("ferrite.gateway.ws.port must be 0 to 65535, was " + port);
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("ferrite.gateway.ws.path must start with '/', was '" + path + "'");
            }
        }
    }

    public GatewayProperties {
        if (maxPacketSize.toBytes() < 64 || maxPacketSize.toBytes() > 268_435_455) {
            throw new IllegalArgumentException(
                    "ferrite.gateway.max-packet-size must be between 64B and 256MB (MQTT's limit), was " + maxPacketSize);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("ferrite.gateway.connect-timeout must be positive, was " + connectTimeout);
        }
    }
}
