package dev.ferrite.gateway.events;

import java.net.InetSocketAddress;

/**
 * Who a connected client is, as told to {@link BrokerListener}s.
 *
 * @param username null when the client sent none
 * @param listener the listener's name ({@code tcp}, {@code ws}, ...)
 * @param protocolVersion 3 (3.1), 4 (3.1.1) or 5
 * @param sessionExpiryInterval seconds; 0 ends the session with the connection
 * @param connectedAt epoch milliseconds
 * @param internal whether it is one of the platform's own services
 */
public record ClientInfo(String clientId, String username, InetSocketAddress peer, InetSocketAddress local,
        String listener, int protocolVersion, int keepAlive, boolean cleanStart, long sessionExpiryInterval,
        long connectedAt, boolean internal) {

    public String protocolName() {
        return protocolVersion == 3 ? "MQIsdp" : "MQTT";
    }

    public String peerHost() {
        return peer == null ? null : peer.getAddress().getHostAddress();
    }
}
