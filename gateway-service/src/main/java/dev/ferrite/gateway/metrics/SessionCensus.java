package dev.ferrite.gateway.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ferrite.gateway.routing.Subscription;
import dev.ferrite.gateway.session.SessionSnapshot;

/**
 * The figures that take a walk over every session: shared subscriptions, distinct topic filters
 * (EMQX's routes: a shared subscription routes by its filter), and the deliveries in flight and
 * queued.
 */
record SessionCensus(long takenAt, long sharedSubscriptions, long topics, long inflight, long queued) {

    static SessionCensus of(List<SessionSnapshot> sessions, long now) {
        long shared = 0;
        long inflight = 0;
        long queued = 0;
        Set<String> filters = new HashSet<>();
        for (SessionSnapshot session : sessions) {
            inflight += session.inflight();
            queued += session.queued();
            for (Subscription subscription : session.subscriptions()) {
                if (subscription.isShared()) {
                    shared++;
                }
                filters.add(subscription.topicFilter());
            }
        }
        return new SessionCensus(now, shared, filters.size(), inflight, queued);
    }
}
