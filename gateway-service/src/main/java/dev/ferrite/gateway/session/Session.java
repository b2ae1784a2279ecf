package dev.ferrite.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.routing.Delivery;
import dev.ferrite.gateway.routing.Subscription;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's session on this node: its life from CONNECT to expiry, across connections.
 * Everything here runs on {@link #loop}, the event loop of the connection that opened it (the
 * single owner); other threads hand work over with {@link #offer} or {@link #execute}. A client
 * that connects again gets a new {@code Session} on its new connection's loop, and the old one
 * hands its {@link SessionState} over (or discards it for a clean start).
 */
final class Session {

    private static final Logger log = LoggerFactory.getLogger(Session.class);

    final String clientId;
    final EventLoop loop;
    private final SessionServices services;
    private final DeliveryFlow flow;
    private final Startup startup;
    private SessionState state;
    private volatile Connection connection;
    private long expirySeconds;
    private ScheduledFuture<?> expiryTimer;
    private List<Delivery> early = new ArrayList<>();
    private Session successor;
    private ClientInfo pendingClient;
    private boolean resumedBySuccessor;
    private boolean ended;
    private boolean discarded;
    private boolean kicked;
    private volatile ClientInfo lastClient;
    private volatile long createdAt;
    private volatile long disconnectedAt;
    private volatile List<Subscription> subscriptionsView = List.of();
    private volatile int inflightCount;
    private volatile int queuedCount;
    private volatile long queueDropped;
    private volatile long messagesIn;
    private volatile long messagesOut;

    /** What the connection that opens the session does once the session is ready: send CONNACK and open the gates. */
    interface Startup {
        void started(Session session, boolean sessionPresent);
    }

    Session(String clientId, Connection connection, long expirySeconds, SessionServices services, Startup startup) {
        this.clientId = clientId;
        this.loop = connection.channel.eventLoop();
        this.connection = connection;
        this.expirySeconds = expirySeconds;
        this.services = services;
        this.startup = startup;
        this.flow = new DeliveryFlow(this, services);
    }

    /** Hands a routed delivery to the session, from any thread. */
    void offer(Delivery delivery) {
        execute(() -> accept(delivery));
    }

    void execute(Runnable work) {
        if (loop.inEventLoop()) {
            work.run();
        } else {
            loop.execute(work);
        }
    }

    private void accept(Delivery delivery) {
        if (successor != null) {
            if (resumedBySuccessor) {
                successor.offer(delivery);
            }
            return;
        }
        if (ended) {
            return;
        }
        if (state == null) {
            early.add(delivery);
            return;
        }
        flow.deliver(delivery);
    }

    /** Begins the session with the state handed over by its predecessor (null for a new session). */
    void start(SessionState resumed) {
        state = resumed != null ? resumed : new SessionState(System.currentTimeMillis(), services.sessionProperties());
        createdAt = state.createdAt;
        List<Delivery> waiting = early;
        early = null;
        if (connection == null) {
            // The connection went away while the predecessor was handing over: an offline session now.
            if (resumed != null) {
                waiting.forEach(flow::deliver);
            }
            lastClient = pendingClient;
            offline();
            return;
        }
        services.registry().connectionOpened();
        startup.started(this, resumed != null);
        services.events().clientConnected(connection.client);
        flow.resend();
        if (resumed != null) {
            waiting.forEach(flow::deliver);
        }
        flow.pump();
        refreshSnapshot();
    }

    /** A newer connection with the same client id replaces this session. */
    void handOver(Session next, boolean cleanStart) {
        successor = next;
        cancelExpiry();
        if (connection != null) {
            connection.closeReason = "takenover";
            Disconnects.send(connection, Disconnects.SESSION_TAKEN_OVER, null);
        }
        SessionState handedOver = null;
        if (!cleanStart && !ended && state != null) {
            resumedBySuccessor = true;
            handedOver = state;
        } else {
            discard();
        }
        ended = true;
        SessionState transferred = handedOver;
        next.execute(() -> next.start(transferred));
        log.debug("Session of {} {} by a new connection", clientId, transferred != null ? "resumed" : "replaced");
    }

    /** The connection went away (any cause). */
    void connectionLost() {
        Connection lost = connection;
        if (lost == null) {
            return;
        }
        connection = null;
        if (state == null) {
            pendingClient = lost.client;
            return; // not started yet: start() finds no connection and goes offline at once
        }
        services.registry().connectionClosed();
        services.events().clientDisconnected(lost.client, lost.closeReason == null ? "tcp_closed" : lost.closeReason);
        if (lost.will != null) {
            // A new connection within the Will Delay Interval cancels the will (MQTT 5 3.1.3.2.2),
            // unless it started afresh: then this session has ended, and its will goes out now.
            if (successor == null || lost.will.delay().isZero()) {
                services.wills().clientLost(lost.will);
            } else if (!resumedBySuccessor) {
                services.wills().clientLost(lost.will);
                services.wills().sessionEnded(clientId);
            }
        }
        if (successor != null || ended) {
            return;
        }
        offline();
    }

    /** No connection: the session waits for its client until it expires. */
    private void offline() {
        if (kicked || expirySeconds == 0) {
            end();
            return;
        }
        flow.redispatchShared();
        expiryTimer = loop.schedule(this::expire, expirySeconds, TimeUnit.SECONDS);
        refreshSnapshot();
    }

    /** Disconnects the client (0x98, administrative action) and ends the session. */
    void kick() {
        kicked = true;
        if (connection != null) {
            connection.closeReason = "kicked";
            Disconnects.send(connection, Disconnects.ADMINISTRATIVE_ACTION, null);
        } else if (!ended && successor == null) {
            end();
        }
    }

    /** MQTT 5 DISCONNECT may change the Session Expiry Interval (3.14.2.2.2). */
    void expiryInterval(long seconds) {
        expirySeconds = seconds;
    }

    private void expire() {
        if (connection == null && successor == null && !ended) {
            log.debug("Session of {} expired", clientId);
            end();
        }
    }

    private void end() {
        if (services.registry().isCurrent(this)) {
            discard();
            services.wills().sessionEnded(clientId);
            services.registry().remove(this);
        }
        ended = true;
        cancelExpiry();
        refreshSnapshot();
    }

    /** Forgets subscriptions and deliveries; shared deliveries not yet acknowledged go to another member. */
    private void discard() {
        if (discarded || state == null) {
            return;
        }
        discarded = true;
        services.subscriptions().removeAll(clientId);
        flow.redispatchShared();
        flow.dropAll();
    }

    private void cancelExpiry() {
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
            expiryTimer = null;
        }
    }

    boolean subscribe(String filterAsWritten, Subscription subscription) {
        services.subscriptions().add(subscription);
        boolean isNew = state.subscriptions.put(filterAsWritten, subscription) == null;
        refreshSnapshot();
        return isNew;
    }

    boolean unsubscribe(String filterAsWritten) {
        boolean removed = services.subscriptions().remove(clientId, filterAsWritten);
        state.subscriptions.remove(filterAsWritten);
        refreshSnapshot();
        return removed;
    }

    /** Whether this session still owns its client id here and is started: packets of a replaced one are ignored. */
    boolean isActive() {
        return successor == null && !ended && state != null;
    }

    Connection connection() {
        return connection;
    }

    SessionState state() {
        return state;
    }

    DeliveryFlow flow() {
        return flow;
    }

    /** Publishes the session's figures for readers on other threads (the REST API, metrics). */
    void refreshSnapshot() {
        if (state == null) {
            return;
        }
        if (connection != null) {
            lastClient = connection.client;
            disconnectedAt = 0;
        } else if (disconnectedAt == 0) {
            disconnectedAt = System.currentTimeMillis();
        }
        subscriptionsView = List.copyOf(state.subscriptions.values());
        refreshCounts();
    }

    /** The cheap part of {@link #refreshSnapshot}, after every change to the flow. */
    void refreshCounts() {
        inflightCount = state.inflight.size();
        queuedCount = state.queue.size();
        queueDropped = state.queue.dropped();
        messagesIn = state.messagesIn;
        messagesOut = state.messagesOut;
    }

    /** @return null until the session has started */
    SessionSnapshot snapshot() {
        ClientInfo client = lastClient;
        if (client == null) {
            return null;
        }
        return new SessionSnapshot(client, disconnectedAt == 0 && !ended, createdAt, disconnectedAt, subscriptionsView,
                inflightCount, queuedCount, queueDropped, messagesIn, messagesOut);
    }
}
