package dev.ferrite.gateway.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.gateway.limits.*}: what one node or one client may take. Zero means unlimited
 * for the rates and for {@code max-connections}.
 *
 * @param maxConnections connected clients on this node; more are refused with 0x97 (Quota exceeded)
 * @param maxConnectionRate CONNECTs per second per listener; more are refused with 0x9F (Connection rate exceeded)
 * @param maxPublishRate PUBLISHes per second per client; a faster client is paused (not read from) until it is in budget
 * @param maxTopicLevels levels a topic name or filter may have; more get 0x90 / 0x8F
 * @param maxTopicLength UTF-8 bytes a topic name or filter may have
 */
@ConfigurationProperties("ferrite.gateway.limits")
public record LimitProperties(
        @DefaultValue("0") int maxConnections,
        @DefaultValue("0") int maxConnectionRate,
        @DefaultValue("0") int maxPublishRate,
        @DefaultValue("128") int maxTopicLevels,
        @DefaultValue("65535") int maxTopicLength) {

    public LimitProperties {
        if (maxConnections < 0 || maxConnectionRate < 0 || maxPublishRate < 0) {
            throw new IllegalArgumentException("ferrite.gateway.limits.max-connections, max-connection-rate and "
                    + "max-publish-rate must not be negative");
        }
        if (maxTopicLevels < 1) {
            throw new IllegalArgumentException("ferrite.gateway.limits.max-topic-levels must be at least 1, was "
                    + maxTopicLevels);
        }
        if (maxTopicLength < 1 || maxTopicLength > 65535) {
            throw new IllegalArgumentException("ferrite.gateway.limits.max-topic-length must be 1 to 65535, was "
                    + maxTopicLength);
        }
    }
}
