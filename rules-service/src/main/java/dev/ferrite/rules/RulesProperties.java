package dev.ferrite.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.rules.*}.
 *
 * @param gateway where the MQTT bus is and how rules-service stays connected to it
 * @param pollInterval how often each replica checks the database for rule changes made
 *                     through another replica (changes made through this one apply at once)
 */
@ConfigurationProperties("ferrite.rules")
public record RulesProperties(@DefaultValue Gateway gateway, @DefaultValue("5s") Duration pollInterval) {

    /**
     * @param host the gateway's MQTT/TCP address
     * @param port its port
     * @param keepAlive the MQTT keep-alive rules-service asks for
     * @param reconnectInterval the pause between two connection attempts while the gateway is unreachable
     * @param requestTimeout how long to wait for CONNACK, SUBACK and UNSUBACK
     * @param receiveMaximum how many messages the gateway may have sent without their PUBACK
     *                       (MQTT 5 Receive Maximum); a message is acknowledged once its actions finished
     */
    public record Gateway(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("1883") int port,
            @DefaultValue("30s") Duration keepAlive,
            @DefaultValue("2s") Duration reconnectInterval,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("1000") int receiveMaximum) {

        public Gateway {
            if (host.isBlank()) {
                throw new IllegalArgumentException("ferrite.rules.gateway.host must not be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("ferrite.rules.gateway.port must be 1 to 65535, was " + port);
            }
            if (keepAlive.isNegative() || keepAlive.toSeconds() > 65535) {
                throw new IllegalArgumentException(
                        "ferrite.rules.gateway.keep-alive must be 0s to 65535s, was " + keepAlive);
            }
            requirePositive("ferrite.rules.gateway.reconnect-interval", reconnectInterval);
            requirePositive("ferrite.rules.gateway.request-timeout", requestTimeout);
            if (receiveMaximum < 1 || receiveMaximum > 65535) {
                throw new IllegalArgumentException(
                        "ferrite.rules.gateway.receive-maximum must be 1 to 65535, was " + receiveMaximum);
            }
        }

        public String serverUri() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public RulesProperties {
        requirePositive("ferrite.rules.poll-interval", pollInterval);
    }

    private static void requirePositive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
        }
    }
}
