package dev.ferrite.gateway.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.ferrite.gateway.events.BrokerListener;
import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.retained.RetainedMessages;
import dev.ferrite.gateway.routing.SubscriptionIndex;
import dev.ferrite.gateway.session.SessionDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * How much the node holds now, and the most it has held (EMQX's stats: {@code connections.count},
 * {@code connections.max}, ...). Connections and sessions peak at a CONNECT and subscriptions at a
 * SUBSCRIBE, so those maxima are exact; the others are sampled whenever the stats are read.
 */
@Component
public class BrokerStats implements BrokerListener {

    /** How old the per-session walk may be for Prometheus, whose gauges are read one by one. */
    private static final long CENSUS_MAX_AGE_MILLIS = 1000;

    private final SessionDirectory sessions;
    private final SubscriptionIndex subscriptions;
    private final RetainedMessages retained;
    private final AtomicLong maxLive = new AtomicLong();
    private final AtomicLong maxSessions = new AtomicLong();
    private final AtomicLong maxSubscriptions = new AtomicLong();
    private final AtomicLong maxShared = new AtomicLong();
    private final AtomicLong maxTopics = new AtomicLong();
    private final AtomicLong maxRetained = new AtomicLong();
    private volatile SessionCensus census = new SessionCensus(0, 0, 0, 0, 0);

    public BrokerStats(SessionDirectory sessions, SubscriptionIndex subscriptions, RetainedMessages retained,
            MeterRegistry registry) {
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.retained = retained;
        Gauge.builder("ferrite.gateway.connections", sessions, SessionDirectory::connectedCount)
                .description("Clients connected now").register(registry);
        Gauge.builder("ferrite.gateway.sessions", sessions, SessionDirectory::sessionCount)
                .description("Sessions, connected and offline").register(registry);
        Gauge.builder("ferrite.gateway.subscriptions", subscriptions, SubscriptionIndex::size)
                .description("Subscriptions, shared ones included").register(registry);
        Gauge.builder("ferrite.gateway.subscriptions.shared", this, stats -> stats.recentCensus().sharedSubscriptions())
                .description("Shared subscriptions").register(registry);
        Gauge.builder("ferrite.gateway.topics", this, stats -> stats.recentCensus().topics())
                .description("Distinct topic filters subscribed to").register(registry);
        Gauge.builder("ferrite.gateway.retained.messages", retained, RetainedMessages::size)
                .description("Retained messages, $SYS ones included").register(registry);
        Gauge.builder("ferrite.gateway.inflight.messages", this, stats -> stats.recentCensus().inflight())
                .description("QoS 1/2 deliveries sent and not yet acknowledged").register(registry);
        Gauge.builder("ferrite.gateway.queued.messages", this, stats -> stats.recentCensus().queued())
                .description("Deliveries waiting in sessions' queues").register(registry);
    }

    @Override
    public void clientConnected(ClientInfo client) {
        raise(maxLive, sessions.connectedCount());
        raise(maxSessions, sessions.sessionCount());
    }

    @Override
    public void sessionSubscribed(ClientInfo client, String topicFilter, int qos) {
        raise(maxSubscriptions, subscriptions.size());
    }

    /** EMQX's stats with their names, in EMQX's order. */
    public Map<String, Long> current() {
        SessionCensus now = takeCensus();
        long live = raise(maxLive, sessions.connectedCount());
        long sessionCount = raise(maxSessions, sessions.sessionCount());
        long subscriptionCount = raise(maxSubscriptions, subscriptions.size());
        long retainedCount = raise(maxRetained, retained.size());
        raise(maxShared, now.sharedSubscriptions());
        raise(maxTopics, now.topics());
        Map<String, Long> stats = new LinkedHashMap<>();
        // EMQX counts a session kept for a client that went away as a connection; live ones are connected.
        stats.put("connections.count", sessionCount);
        stats.put("connections.max", maxSessions.get());
        stats.put("live_connections.count", live);
        stats.put("live_connections.max", maxLive.get());
        stats.put("sessions.count", sessionCount);
        stats.put("sessions.max", maxSessions.get());
        stats.put("subscriptions.count", subscriptionCount);
        stats.put("subscriptions.max", maxSubscriptions.get());
        stats.put("subscriptions.shared.count", now.sharedSubscriptions());
        stats.put("subscriptions.shared.max", maxShared.get());
        stats.put("topics.count", now.topics());
        stats.put("topics.max", maxTopics.get());
        stats.put("retained.count", retainedCount);
        stats.put("retained.max", maxRetained.get());
        return stats;
    }

    private SessionCensus recentCensus() {
        SessionCensus last = census;
        return System.currentTimeMillis() - last.takenAt() < CENSUS_MAX_AGE_MILLIS ? last : takeCensus();
    }

    private SessionCensus takeCensus() {
        SessionCensus taken = SessionCensus.of(sessions.sessions(), System.currentTimeMillis());
        census = taken;
        return taken;
    }

    /** @return the current value */
    private static long raise(AtomicLong max, long current) {
        max.accumulateAndGet(current, Math::max);
        return current;
    }
}
