package dev.ferrite.gateway.session;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.ferrite.gateway.routing.Subscription;

/**
 * What a session keeps across connections: subscriptions, unacknowledged and queued deliveries,
 * and the QoS 2 messages received but not yet released. Touched by one event loop at a time;
 * a resumed session hands it to its successor.
 */
final class SessionState {

    final long createdAt;
    /** By topic filter as the client wrote it ({@code $share/group/filter} for shared ones). */
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    final Inflight inflight = new Inflight();
    final DeliveryQueue queue;
    /** Packet identifiers of QoS 2 PUBLISHes received and answered with PUBREC, awaiting PUBREL. */
    final Set<Integer> awaitingRelease = new HashSet<>();
    long messagesIn;
    long messagesOut;

    SessionState(long createdAt, SessionProperties properties) {
        this.createdAt = createdAt;
        this.queue = new DeliveryQueue(properties.maxQueuedMessages(), properties.maxQueuedBytes().toBytes());
    }
}
