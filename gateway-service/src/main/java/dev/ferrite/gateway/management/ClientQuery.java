package dev.ferrite.gateway.management;

import java.util.List;

import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.session.SessionSnapshot;

/**
 * The filters of {@code GET /api/v5/clients}, as EMQX names them; an absent one matches all.
 *
 * @param clientids exact client ids, any of which matches
 * @param usernames exact usernames, any of which matches
 * @param likeClientid a part of the client id
 * @param likeUsername a part of the username
 * @param connState {@code connected} or {@code disconnected} (EMQX's {@code idle} matches nobody here)
 */
record ClientQuery(List<String> clientids, List<String> usernames, String likeClientid, String likeUsername,
        String connState, String ipAddress, Integer protoVer, Boolean cleanStart) {

    private static final List<String> CONN_STATES = List.of("connected", "idle", "disconnected");

    ClientQuery {
        if (connState != null && !CONN_STATES.contains(connState)) {
            throw ApiProblems.invalidParameter("conn_state must be one of " + CONN_STATES + ", was '" + connState + "'");
        }
    }

    boolean matches(SessionSnapshot session) {
        ClientInfo client = session.client();
        return (clientids == null || clientids.isEmpty() || clientids.contains(client.clientId()))
                && (usernames == null || usernames.isEmpty() || usernames.contains(client.username()))
                && contains(client.clientId(), likeClientid)
                && contains(client.username(), likeUsername)
                && (connState == null || connState.equals(session.connected() ? "connected" : "disconnected"))
                && (ipAddress == null || ipAddress.equals(client.peerHost()))
                && (protoVer == null || protoVer == client.protocolVersion())
                && (cleanStart == null || cleanStart == client.cleanStart());
    }

    private static boolean contains(String value, String part) {
        return part == null || (value != null && value.contains(part));
    }
}
