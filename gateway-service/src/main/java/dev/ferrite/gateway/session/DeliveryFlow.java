package dev.ferrite.gateway.session;

import java.util.List;

import dev.ferrite.gateway.routing.Delivery;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * A session's deliveries to its client: sent at once while the in-flight window (our
 * {@code max-inflight} and the client's Receive Maximum) has room and the socket keeps up,
 * queued otherwise; acknowledged with PUBACK, or PUBREC/PUBREL/PUBCOMP for QoS 2; sent again,
 * marked DUP, when the client reconnects to its session. Runs on the session's event loop.
 */
final class DeliveryFlow {

    private final Session session;
    private final SessionServices services;

    DeliveryFlow(Session session, SessionServices services) {
        this.session = session;
        this.services = services;
    }

    void deliver(Delivery delivery) {
        long now = System.currentTimeMillis();
        if (delivery.message().isExpired(now)) {
            dropped(delivery, "expired");
            return;
        }
        Connection connection = session.connection();
        if (connection == null && delivery.qos() == 0 && !services.sessionProperties().storeQos0()) {
            dropped(delivery, "qos0_msg");
            return;
        }
        SessionState state = session.state();
        if (connection != null && state.queue.isEmpty() && canSend(connection, delivery)) {
            send(connection, delivery, now);
            connection.channel.flush();
        } else {
            enqueue(delivery);
        }
        session.refreshCounts();
    }

    /** Sends what the queue holds while the window and the socket allow. */
    void pump() {
        Connection connection = session.connection();
        SessionState state = session.state();
        if (connection == null) {
            return;
        }
        long now = System.currentTimeMillis();
        boolean sent = false;
        while (!state.queue.isEmpty()) {
            Delivery next = state.queue.peek();
            if (next.message().isExpired(now)) {
                dropped(state.queue.poll(), "expired");
                continue;
            }
            if (!canSend(connection, next)) {
                break;
            }
            send(connection, state.queue.poll(), now);
            sent = true;
        }
        if (sent) {
            connection.channel.flush();
        }
        session.refreshCounts();
    }

    /** After a reconnect: every unacknowledged PUBLISH again with DUP set, every pending PUBREL again (MQTT 5 4.4). */
    void resend() {
        Connection connection = session.connection();
        SessionState state = session.state();
        long now = System.currentTimeMillis();
        for (Inflight.Entry entry : List.copyOf(state.inflight.inOrder())) {
            if (entry.stage == Inflight.Stage.AWAITING_COMPLETE) {
                connection.channel.write(ack(MqttMessageType.PUBREL, entry.packetId));
                continue;
            }
            MqttPublishMessage publish = OutgoingPublish.build(connection, entry.delivery, entry.packetId, true, now, node());
            if (publish == null) {
                state.inflight.remove(entry.packetId);
                dropped(entry.delivery, "too_large");
            } else {
                connection.channel.write(publish);
            }
        }
        connection.channel.flush();
    }

    void puback(int packetId) {
        Inflight.Entry entry = session.state().inflight.get(packetId);
        if (entry != null && entry.delivery.qos() == 1) {
            session.state().inflight.remove(packetId);
            acked(entry);
        }
        pump();
    }

    /** @return false when no QoS 2 delivery waits for this PUBREC (the caller answers 0x92 to an MQTT 5 client) */
    boolean pubrec(int packetId, int reasonCode) {
        Inflight.Entry entry = session.state().inflight.get(packetId);
        if (entry == null || entry.delivery.qos() != 2) {
            return false;
        }
        if (reasonCode >= 0x80) {
            session.state().inflight.remove(packetId); // the client refused it: the flow ends here (MQTT 5 4.3.3)
            pump();
            return true;
        }
        if (entry.stage == Inflight.Stage.AWAITING_ACK) {
            entry.stage = Inflight.Stage.AWAITING_COMPLETE;
            acked(entry);
        }
        session.connection().channel.writeAndFlush(ack(MqttMessageType.PUBREL, packetId));
        return true;
    }

    void pubcomp(int packetId) {
        Inflight.Entry entry = session.state().inflight.get(packetId);
        if (entry != null && entry.stage == Inflight.Stage.AWAITING_COMPLETE) {
            session.state().inflight.remove(packetId);
        }
        pump();
    }

    /** The socket drained below its low watermark: carry on. */
    void writable() {
        pump();
    }

    /**
     * Gives shared-subscription deliveries the client has not acknowledged to another member of
     * their group (MQTT 5 4.8.2); those no other member takes stay here.
     */
    void redispatchShared() {
        SessionState state = session.state();
        if (state == null) {
            return;
        }
        for (Inflight.Entry entry : state.inflight.removeIf(
                e -> e.delivery.shareGroup() != null && e.stage == Inflight.Stage.AWAITING_ACK)) {
            if (!services.router().redispatch(entry.delivery, session.clientId)) {
                enqueue(entry.delivery);
            }
        }
        for (Delivery queued : state.queue.drain()) {
            if (queued.shareGroup() == null || !services.router().redispatch(queued, session.clientId)) {
                enqueue(queued);
            }
        }
        session.refreshCounts();
    }

    /** The session ends: what is left is not delivered. */
    void dropAll() {
        SessionState state = session.state();
        for (Inflight.Entry entry : state.inflight.removeIf(e -> true)) {
            if (entry.stage == Inflight.Stage.AWAITING_ACK) {
                dropped(entry.delivery, "session_ended");
            }
        }
        state.queue.drain().forEach(delivery -> dropped(delivery, "session_ended"));
    }

    private boolean canSend(Connection connection, Delivery delivery) {
        return connection.channel.isWritable()
                && (delivery.qos() == 0 || session.state().inflight.size() < connection.inflightWindow);
    }

    private void send(Connection connection, Delivery delivery, long now) {
        SessionState state = session.state();
        int packetId = delivery.qos() == 0 ? -1 : state.inflight.add(delivery);
        MqttPublishMessage publish = OutgoingPublish.build(connection, delivery, packetId, false, now, node());
        if (publish == null) {
            if (packetId > 0) {
                state.inflight.remove(packetId);
            }
            dropped(delivery, "too_large");
            return;
        }
        connection.channel.write(publish);
        state.messagesOut++;
        services.events().messageDelivered(connection.client, delivery.message(), delivery.qos());
    }

    private void enqueue(Delivery delivery) {
        for (Delivery dropped : session.state().queue.add(delivery)) {
            dropped(dropped, "queue_full");
        }
    }

    private void acked(Inflight.Entry entry) {
        Connection connection = session.connection();
        if (connection != null) {
            services.events().messageAcked(connection.client, entry.delivery.message(), entry.delivery.qos());
        }
    }

    private void dropped(Delivery delivery, String reason) {
        services.events().deliveryDropped(session.clientId, delivery.message(), reason);
    }

    private String node() {
        return services.node().nodeName();
    }

    static MqttMessage ack(MqttMessageType type, int packetId) {
        MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 0), MqttMessageIdVariableHeader.from(packetId));
    }
}
