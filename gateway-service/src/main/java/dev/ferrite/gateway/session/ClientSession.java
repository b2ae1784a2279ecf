package dev.ferrite.gateway.session;

import java.util.HashSet;
import java.util.Set;

import dev.ferrite.gateway.will.Will;
import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * A connected client. Its state is touched only on its channel's event loop (the single
 * owner), so it needs no locks; others hand work to it with {@link #execute(Runnable)}.
 */
public final class ClientSession {

    private final String clientId;
    private final Channel channel;
    private final MqttVersion version;
    private final Set<String> filters = new HashSet<>();
    private int lastPacketId;
    private Will will;

    ClientSession(String clientId, Channel channel, MqttVersion version, Will will) {
        this.clientId = clientId;
        this.channel = channel;
        this.version = version;
        this.will = will;
    }

    public String clientId() {
        return clientId;
    }

    public Channel channel() {
        return channel;
    }

    public MqttVersion version() {
        return version;
    }

    /** Runs {@code work} on the session's own event loop. */
    public void execute(Runnable work) {
        channel.eventLoop().execute(work);
    }

    /** Records a subscription to a filter as written; call on the session's event loop. @return whether it is new */
    boolean subscribed(String filter) {
        return filters.add(filter);
    }

    /** Forgets a subscription; call on the session's event loop. */
    void unsubscribed(String filter) {
        filters.remove(filter);
    }

    /** The will to publish if the connection is lost, or null; call on the session's event loop. */
    Will will() {
        return will;
    }

    /** A normal DISCONNECT: the will is discarded (MQTT 3.1.2.5). */
    void discardWill() {
        will = null;
    }

    /** The next packet identifier for a QoS 1/2 delivery; call on the session's event loop. */
    int nextPacketId() {
        lastPacketId = lastPacketId == 0xFFFF ? 1 : lastPacketId + 1;
        return lastPacketId;
    }
}
