package dev.ferrite.gateway.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ferrite.gateway.session.*}: flow control and what a session keeps while its client is away.
 *
 * @param maxInflight QoS 1/2 deliveries a client may have unacknowledged (lowered by the client's Receive Maximum)
 * @param receiveMaximum QoS 2 PUBLISHes a client may have waiting for PUBREL (our Receive Maximum)
 * @param maxQueuedMessages deliveries a session keeps beyond its in-flight window or while offline; the oldest is dropped
 * @param maxQueuedBytes payload bytes the same queue may hold
 * @param storeQos0 whether an offline session queues QoS 0 messages too
 * @param expiryIntervalMax the longest Session Expiry Interval granted, and the one 3.1.1 persistent sessions get
 * @param topicAliasMaximum topic aliases a client may use towards us (0 disables them)
 * @param serverKeepAlive when set, the keep alive imposed on MQTT 5 clients (Server Keep Alive)
 * @param responseInformation the Response Information for clients that ask for it; {@code ${clientid}} is replaced
 */
@ConfigurationProperties("ferrite.gateway.session")
public record SessionProperties(
        @DefaultValue("32") int maxInflight,
        @DefaultValue("32") int receiveMaximum,
        @DefaultValue("1000") int maxQueuedMessages,
        @DefaultValue("16MB") DataSize maxQueuedBytes,
        @DefaultValue("true") boolean storeQos0,
        @DefaultValue("2h") Duration expiryIntervalMax,
        @DefaultValue("64") int topicAliasMaximum,
        Duration serverKeepAlive,
        @DefaultValue("response/${clientid}") String responseInformation) {

    public SessionProperties {
        requireBetween("max-inflight", maxInflight, 1, 65535);
        requireBetween("receive-maximum", receiveMaximum, 1, 65535);
        requireBetween("max-queued-messages", maxQueuedMessages, 0, Integer.MAX_VALUE);
        requireBetween("topic-alias-maximum", topicAliasMaximum, 0, 65535);
        if (expiryIntervalMax.isNegative() || expiryIntervalMax.toSeconds() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(
                    "ferrite.gateway.session.expiry-interval-max must be 0 to 4294967295 seconds, was " + expiryIntervalMax);
        }
        if (serverKeepAlive != null && (serverKeepAlive.isNegative() || serverKeepAlive.toSeconds() > 65535)) {
            throw new IllegalArgumentException(
                    "ferrite.gateway.session.server-keep-alive must be 0 to 65535 seconds, was " + serverKeepAlive);
        }
    }

    private static void requireBetween(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "ferrite.gateway.session." + name + " must be " + min + " to " + max + ", was " + value);
        }
    }
}
