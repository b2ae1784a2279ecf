package dev.ferrite.gateway.events;

import dev.ferrite.gateway.message.Message;

/**
 * What happens in the broker, for metrics, {@code $SYS} and {@code $events} topics. Called on the
 * thread where it happened (often a connection's event loop): an implementation must be quick
 * and must not block. Reasons use EMQX's words.
 */
public interface BrokerListener {

    default void clientConnected(ClientInfo client) {
    }

    /** @param reason {@code normal}, {@code takenover}, {@code kicked}, {@code keepalive_timeout}, {@code tcp_closed}, ... */
    default void clientDisconnected(ClientInfo client, String reason) {
    }

    /** A CONNECT that was refused. @param reasonCode the CONNACK code sent */
    default void connectRefused(String clientId, String username, String peerHost, int reasonCode) {
    }

    /**
     * A limit refused something.
     *
     * @param limit {@code max_connections}, {@code max_connection_rate}, {@code max_publish_rate},
     *              {@code max_topic_levels}, {@code receive_maximum}, ...
     */
    default void limitExceeded(String limit, String clientId) {
    }

    default void sessionSubscribed(ClientInfo client, String topicFilter, int qos) {
    }

    default void sessionUnsubscribed(ClientInfo client, String topicFilter) {
    }

    /** A message entered the broker (from a client or from the broker itself). */
    default void messagePublished(Message message) {
    }

    /** A message went to a subscriber's connection. */
    default void messageDelivered(ClientInfo receiver, Message message, int qos) {
    }

    /** A subscriber acknowledged a QoS 1 or 2 delivery (PUBACK, or PUBREC for QoS 2, as EMQX counts it). */
    default void messageAcked(ClientInfo receiver, Message message, int qos) {
    }

    /** A message reached nobody. @param reason {@code no_subscribers}, {@code not_authorized}, ... */
    default void messageDropped(Message message, String reason) {
    }

    /**
     * A delivery to one subscriber was given up.
     *
     * @param receiverId the subscriber's client id (its session may be offline)
     * @param reason {@code queue_full}, {@code expired}, {@code qos0_msg}, {@code session_expired}, ...
     */
    default void deliveryDropped(String receiverId, Message message, String reason) {
    }
}
