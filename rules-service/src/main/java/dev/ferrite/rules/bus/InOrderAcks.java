package dev.ferrite.rules.bus;

import java.util.ArrayDeque;

/**
 * Acknowledges received QoS 1 and 2 messages once their processing finished, and always in
 * the order they arrived (MQTT 5 section 4.6), even when a later message finishes first.
 * Messages of an earlier connection are never acknowledged on a new one.
 */
final class InOrderAcks {

    interface Sender {
        void ack(int messageId, int qos) throws Exception;
    }

    static final class Ticket {
        private final int messageId;
        private final int qos;
        private final long connection;
        private boolean done;

        private Ticket(int messageId, int qos, long connection) {
            this.messageId = messageId;
            this.qos = qos;
            this.connection = connection;
        }
    }

    private final Sender sender;
    private final ArrayDeque<Ticket> pending = new ArrayDeque<>();
    private long connection;

    InOrderAcks(Sender sender) {
        this.sender = sender;
    }

    /** @return null for QoS 0, which has no acknowledgement */
    synchronized Ticket received(int messageId, int qos) {
        if (qos == 0) {
            return null;
        }
        Ticket ticket = new Ticket(messageId, qos, connection);
        pending.addLast(ticket);
        return ticket;
    }

    synchronized void finished(Ticket ticket) throws Exception {
        if (ticket == null || ticket.connection != connection) {
            return;
        }
        ticket.done = true;
        while (!pending.isEmpty() && pending.peekFirst().done) {
            Ticket head = pending.removeFirst();
            sender.ack(head.messageId, head.qos);
        }
    }

    /** A new connection: whatever was pending belongs to the old one, whose messages the gateway will send again. */
    synchronized void newConnection() {
        pending.clear();
        connection++;
    }

    synchronized int pending() {
        return pending.size();
    }
}
