package dev.ferrite.gateway.routing;

/** Hands a routed message to a client's session, on that session's own thread. */
public interface Outbound {

    /** @return whether the client has a session here (connected, or offline and persistent) */
    boolean deliver(String clientId, Delivery delivery);

    /** Whether the client is connected now, so that a shared subscription prefers members that can take it at once. */
    boolean isConnected(String clientId);
}
