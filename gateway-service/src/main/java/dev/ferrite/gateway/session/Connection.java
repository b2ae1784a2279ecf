package dev.ferrite.gateway.session;

import java.util.HashMap;
import java.util.Map;

import dev.ferrite.gateway.auth.ClientPermissions;
import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.will.Will;
import io.netty.channel.Channel;

/**
 * One network connection of a session and what the client declared in its CONNECT. Lives on
 * the channel's event loop, like its session.
 *
 * @see <a href="https://docs.oasis-open.org/mqtt/mqtt/v5.0/os/mqtt-v5.0-os.html#_Toc3901046">MQTT 5 3.1.2.11 CONNECT Properties</a>
 */
final class Connection {

    final Channel channel;
    final ClientInfo client;
    final boolean v5;
    /** How many QoS 1/2 deliveries may be unacknowledged: ours and the client's Receive Maximum, the lower. */
    final int inflightWindow;
    /** The client's Maximum Packet Size; 0 when it set none. */
    final int maxPacketSize;
    /** Whether reason strings may go on packets other than PUBLISH, CONNACK and DISCONNECT (MQTT 5 3.1.2.11.7). */
    final boolean problemInformation;
    final TopicAliases aliases;
    final TokenBucket publishRate;
    ClientPermissions permissions;
    /** The Will Message to publish if the connection is lost; null when none or discarded by DISCONNECT. */
    Will will;
    /** Why the connection is closing, for the disconnected event; null until we know. */
    String closeReason;

    Connection(Channel channel, ClientInfo client, boolean v5, int inflightWindow, int maxPacketSize,
            boolean problemInformation, TopicAliases aliases, TokenBucket publishRate,
            ClientPermissions permissions) {
        this.channel = channel;
        this.client = client;
        this.v5 = v5;
        this.inflightWindow = inflightWindow;
        this.maxPacketSize = maxPacketSize;
        this.problemInformation = problemInformation;
        this.aliases = aliases;
        this.publishRate = publishRate;
        this.permissions = permissions;
    }

    /** Topic aliases both ways (MQTT 5 3.3.2.3.4): the client's towards us, and ours towards the client. */
    static final class TopicAliases {

        private final int inboundMaximum;
        private final int outboundMaximum;
        private final Map<Integer, String> inbound = new HashMap<>();
        private final Map<String, Integer> outbound = new HashMap<>();

        TopicAliases(int inboundMaximum, int outboundMaximum) {
            this.inboundMaximum = inboundMaximum;
            this.outboundMaximum = outboundMaximum;
        }

        boolean isValidInbound(int alias) {
            return alias >= 1 && alias <= inboundMaximum;
        }

        void bindInbound(int alias, String topic) {
            inbound.put(alias, topic);
        }

        /** @return the topic the alias stands for, or null when the client never set it */
        String resolveInbound(int alias) {
            return inbound.get(alias);
        }

        /** The alias already sent for this topic, or 0. */
        int existingOutbound(String topic) {
            Integer alias = outbound.get(topic);
            return alias == null ? 0 : alias;
        }

        /** A new alias for the topic, or 0 when the client allows no more. */
        int assignOutbound(String topic) {
            if (outbound.size() >= outboundMaximum) {
                return 0;
            }
            int alias = outbound.size() + 1;
            outbound.put(topic, alias);
            return alias;
        }
    }
}
