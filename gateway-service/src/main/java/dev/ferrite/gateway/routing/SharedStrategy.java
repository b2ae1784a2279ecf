package dev.ferrite.gateway.routing;

/** How a message published to a share group picks its member ({@code ferrite.gateway.shared-subscription-strategy}). */
public enum SharedStrategy {
    /** Members in turn. */
    ROUND_ROBIN,
    /** A random member. */
    RANDOM,
    /** The same member as long as it stays subscribed and connected. */
    STICKY,
    /** The member picked by a hash of the publisher's client id, so one publisher's messages stay in order. */
    HASH_CLIENTID
}
