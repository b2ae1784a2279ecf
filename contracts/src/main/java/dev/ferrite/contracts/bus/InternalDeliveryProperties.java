package dev.ferrite.contracts.bus;

/**
 * MQTT 5 User Properties that the gateway adds to the messages it delivers to internal
 * principals (rules-service, the bridges), so that they know what a plain PUBLISH does not
 * say: who published the message and when the gateway received it. Devices never see them.
 * A subscriber treats a missing property as unknown.
 */
public final class InternalDeliveryProperties {

    /** Every name below starts with this; a receiver strips such properties before passing the message's own on. */
    public static final String PREFIX = "ferrite.";

    /** The gateway's message id (EMQX's {@code id}, hex). */
    public static final String MESSAGE_ID = PREFIX + "id";
    /** The publishing client's id ({@code clientid}). */
    public static final String CLIENT_ID = PREFIX + "clientid";
    /** The publishing client's user name ({@code username}); absent when it gave none. */
    public static final String USERNAME = PREFIX + "username";
    /** The publishing client's IP address ({@code peerhost}). */
    public static final String PEER_HOST = PREFIX + "peerhost";
    /** Epoch milliseconds, in decimal, when the gateway received the PUBLISH ({@code publish_received_at}). */
    public static final String RECEIVED_AT = PREFIX + "publish_received_at";
    /** The gateway node that received it ({@code node}). */
    public static final String NODE = PREFIX + "node";

    private InternalDeliveryProperties() {
    }
}
