package dev.ferrite.gateway.session;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/** The sessions connected to this node, by client id. */
@Component
public class ConnectedClients {

    private final ConcurrentMap<String, ClientSession> sessions = new ConcurrentHashMap<>();

    /** @return the session this one took over from, if any */
    Optional<ClientSession> register(ClientSession session) {
        return Optional.ofNullable(sessions.put(session.clientId(), session));
    }

    /** Removes the session only if it is still the registered one (not already taken over). */
    boolean unregister(ClientSession session) {
        return sessions.remove(session.clientId(), session);
    }

    public Optional<ClientSession> find(String clientId) {
        return Optional.ofNullable(sessions.get(clientId));
    }
}
