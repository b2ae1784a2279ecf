package dev.ferrite.gateway.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.session.SessionSnapshot;

/**
 * A client (its session and current or last connection) in EMQX 5's shape. Timestamps are
 * RFC 3339; {@code disconnected_at} only appears once the client has gone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(
        String clientid,
        String username,
        String node,
        @JsonProperty("ip_address") String ipAddress,
        Integer port,
        String listener,
        @JsonProperty("proto_name") String protoName,
        @JsonProperty("proto_ver") int protoVer,
        int keepalive,
        @JsonProperty("clean_start") boolean cleanStart,
        @JsonProperty("expiry_interval") long expiryInterval,
        boolean connected,
        @JsonProperty("conn_state") String connState,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("connected_at") String connectedAt,
        @JsonProperty("disconnected_at") String disconnectedAt,
        @JsonProperty("subscriptions_cnt") int subscriptionsCnt,
        @JsonProperty("inflight_cnt") int inflightCnt,
        @JsonProperty("mqueue_len") int mqueueLen,
        @JsonProperty("mqueue_max") int mqueueMax,
        @JsonProperty("mqueue_dropped") long mqueueDropped,
        @JsonProperty("recv_msg") long recvMsg,
        @JsonProperty("send_msg") long sendMsg,
        @JsonProperty("is_bridge") boolean isBridge) {

    static ClientView of(SessionSnapshot session, String node, int mqueueMax) {
        ClientInfo client = session.client();
        return new ClientView(client.clientId(), client.username(), node, client.peerHost(),
                client.peer() == null ? null : client.peer().getPort(),
                // EMQX names listeners type:name; this node has one of each type.
                client.listener() + ":default",
                client.protocolName(), client.protocolVersion(), client.keepAlive(), client.cleanStart(),
                client.sessionExpiryInterval(), session.connected(),
                session.connected() ? "connected" : "disconnected",
                Timestamps.of(session.createdAt()), Timestamps.of(client.connectedAt()),
                session.connected() ? null : Timestamps.of(session.disconnectedAt()),
                session.subscriptions().size(), session.inflight(), session.queued(), mqueueMax,
                session.queueDropped(), session.messagesIn(), session.messagesOut(), false);
    }
}
