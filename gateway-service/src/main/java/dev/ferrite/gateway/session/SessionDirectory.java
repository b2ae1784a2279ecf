package dev.ferrite.gateway.session;

import java.util.List;
import java.util.Optional;

/** The sessions of this node, connected and offline, for management and metrics. */
public interface SessionDirectory {

    /** Every session, in no particular order. */
    List<SessionSnapshot> sessions();

    Optional<SessionSnapshot> find(String clientId);

    /**
     * Disconnects the client (MQTT 5 reason 0x98, administrative action) and discards its session.
     *
     * @return whether there was such a session
     */
    boolean kick(String clientId);

    int connectedCount();

    int sessionCount();
}
