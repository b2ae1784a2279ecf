package dev.ferrite.gateway.message;

import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * An application message as the broker received it, copied out of the network buffer so that
 * it can be queued, retained and delivered many times without reference counting. Treat the
 * payload and properties as read-only.
 *
 * @param id unique on this node, in EMQX's hex form
 * @param publisherId the publishing client's id, or a {@code $}-name for messages the broker makes itself
 * @param publisherUsername the publisher's username, or null
 * @param publisherHost the publisher's IP address, or null for messages the broker makes itself
 * @param properties the MQTT 5 properties as published (3.1.1 messages have none)
 * @param receivedAt epoch milliseconds
 * @param expiresAt epoch milliseconds after which it is not delivered; 0 for never (MQTT 5 Message Expiry Interval)
 */
public record Message(String id, String publisherId, String publisherUsername, String publisherHost, String topic,
        int qos, boolean retain,
        byte[] payload, MqttProperties properties, long receivedAt, long expiresAt) {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 20);
    private static final int MESSAGE_EXPIRY_INTERVAL = MqttProperties.MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value();

    public static Message of(String publisherId, String publisherUsername, MqttPublishMessage publish, long now) {
        return of(publisherId, publisherUsername, null, publish.variableHeader().topicName(), publish, now);
    }

    /** @param topic the topic the PUBLISH stands for (its own, or the one its Topic Alias names) */
    public static Message of(String publisherId, String publisherUsername, String publisherHost, String topic,
            MqttPublishMessage publish, long now) {
        MqttProperties properties = publish.variableHeader().properties();
        return new Message(nextId(), publisherId, publisherUsername, publisherHost, topic,
                publish.fixedHeader().qosLevel().value(),
                publish.fixedHeader().isRetain(), ByteBufUtil.getBytes(publish.payload()), properties, now,
                expiresAt(properties, now));
    }

    /** A message the broker itself publishes ($SYS, $events, wills, the REST API). */
    public static Message of(String publisherId, String topic, byte[] payload, int qos, boolean retain,
            MqttProperties properties, long now) {
        return new Message(nextId(), publisherId, null, null, topic, qos, retain, payload, properties, now,
                expiresAt(properties, now));
    }

    public static String nextId() {
        return Long.toHexString(SEQUENCE.incrementAndGet());
    }

    public boolean isExpired(long now) {
        return expiresAt != 0 && now >= expiresAt;
    }

    /** The Message Expiry Interval to forward: what is left of it, rounded up (MQTT 5 3.3.2.3.3). */
    public long remainingExpirySeconds(long now) {
        return Math.max(0, (expiresAt - now + 999) / 1000);
    }

    public boolean hasExpiry() {
        return expiresAt != 0;
    }

    public Message withRetain(boolean retainFlag) {
        return retainFlag == retain ? this
                : new Message(id, publisherId, publisherUsername, publisherHost, topic, qos, retainFlag, payload, properties, receivedAt,
                        expiresAt);
    }

    private static long expiresAt(MqttProperties properties, long now) {
        MqttProperties.MqttProperty<?> expiry = properties == null ? null : properties.getProperty(MESSAGE_EXPIRY_INTERVAL);
        return expiry == null ? 0 : now + Integer.toUnsignedLong((Integer) expiry.value()) * 1000;
    }
}
