package dev.ferrite.gateway.session;

import java.util.List;

import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.routing.Subscription;

/**
 * A session as seen from outside its event loop, for the REST API and metrics: a moment's copy,
 * possibly a little behind.
 *
 * @param client the current or last connection
 * @param createdAt epoch milliseconds when the session began
 * @param disconnectedAt epoch milliseconds when its connection went away; 0 while connected
 * @param queueDropped deliveries dropped because its queue was full
 */
public record SessionSnapshot(ClientInfo client, boolean connected, long createdAt, long disconnectedAt,
        List<Subscription> subscriptions, int inflight, int queued, long queueDropped, long messagesIn,
        long messagesOut) {
}
