package dev.ferrite.rules.rule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code rule_test} fills in for the fields a test context leaves out, per event type, with
 * EMQX's example values; the context given always wins.
 */
final class SampleContexts {

    static final String MESSAGE_PUBLISH = "message_publish";

    private SampleContexts() {
    }

    static Map<String, Object> defaults(String eventType, long now, String node) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("event", eventType.replaceFirst("_", "."));
        sample.put("clientid", "c_emqx");
        sample.put("username", "u_emqx");
        sample.put("timestamp", now);
        sample.put("node", node);
        switch (eventType) {
            case MESSAGE_PUBLISH, "message_delivered", "message_acked", "message_dropped", "delivery_dropped" -> {
                sample.put("id", "0005E27C9BE24F2EF4420000C8290004");
                sample.put("payload", "{\"msg\": \"hello\"}");
                sample.put("peerhost", "192.168.0.10");
                sample.put("topic", "t/a");
                sample.put("qos", 1L);
                sample.put("flags", Map.of());
                sample.put("pub_props", Map.of());
                sample.put("publish_received_at", now);
                if (!eventType.equals(MESSAGE_PUBLISH)) {
                    sample.put("from_clientid", "c_emqx_1");
                    sample.put("from_username", "u_emqx_1");
                }
                if (eventType.equals("message_dropped") || eventType.equals("delivery_dropped")) {
                    sample.put("reason", "no_subscribers");
                }
            }
            case "client_connected" -> {
                sample.put("peername", "192.168.0.10:56431");
                sample.put("sockname", "0.0.0.0:1883");
                sample.put("proto_name", "MQTT");
                sample.put("proto_ver", 5L);
                sample.put("keepalive", 60L);
                sample.put("clean_start", true);
                sample.put("expiry_interval", 3600L);
                sample.put("is_bridge", false);
                sample.put("conn_props", Map.of());
                sample.put("connected_at", now);
            }
            case "client_disconnected" -> {
                sample.put("reason", "normal");
                sample.put("peername", "192.168.0.10:56431");
                sample.put("sockname", "0.0.0.0:1883");
                sample.put("proto_name", "MQTT");
                sample.put("proto_ver", 5L);
                sample.put("disconn_props", Map.of());
                sample.put("disconnected_at", now);
            }
            case "session_subscribed", "session_unsubscribed" -> {
                sample.put("peerhost", "192.168.0.10");
                sample.put("topic", "t/a");
                sample.put("qos", 1L);
            }
            default -> {
            }
        }
        return sample;
    }
}
