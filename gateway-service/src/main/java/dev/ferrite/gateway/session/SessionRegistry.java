package dev.ferrite.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ferrite.gateway.routing.Delivery;
import dev.ferrite.gateway.routing.Outbound;

import org.springframework.stereotype.Component;

/**
 * The sessions of this node by client id, connected and offline. Routed deliveries come in here
 * and go to each session's own event loop.
 */
@Component
public class SessionRegistry implements Outbound, SessionDirectory {

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger connected = new AtomicInteger();

    /**
     * Makes {@code fresh} the session of its client id.
     *
     * @return the session it replaces, which must hand over to it; null when there was none
     */
    Session replace(Session fresh) {
        return sessions.put(fresh.clientId, fresh);
    }

    boolean isCurrent(Session session) {
        return sessions.get(session.clientId) == session;
    }

    void remove(Session session) {
        sessions.remove(session.clientId, session);
    }

    void connectionOpened() {
        connected.incrementAndGet();
    }

    void connectionClosed() {
        connected.decrementAndGet();
    }

    @Override
    public boolean deliver(String clientId, Delivery delivery) {
        Session session = sessions.get(clientId);
        if (session == null) {
            return false;
        }
        session.offer(delivery);
        return true;
    }

    @Override
    public boolean isConnected(String clientId) {
        Session session = sessions.get(clientId);
        return session != null && session.connection() != null;
    }

    @Override
    public List<SessionSnapshot> sessions() {
        List<SessionSnapshot> all = new ArrayList<>(sessions.size());
        for (Session session : sessions.values()) {
            SessionSnapshot snapshot = session.snapshot();
            if (snapshot != null) {
                all.add(snapshot);
            }
        }
        return all;
    }

    @Override
    public Optional<SessionSnapshot> find(String clientId) {
        return Optional.ofNullable(sessions.get(clientId)).map(Session::snapshot).filter(Objects::nonNull);
    }

    @Override
    public boolean kick(String clientId) {
        Session session = sessions.get(clientId);
        if (session == null) {
            return false;
        }
        session.execute(session::kick);
        return true;
    }

    @Override
    public int connectedCount() {
        return connected.get();
    }

    @Override
    public int sessionCount() {
        return sessions.size();
    }
}
