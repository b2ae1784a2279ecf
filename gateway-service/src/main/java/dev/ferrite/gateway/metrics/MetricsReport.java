package dev.ferrite.gateway.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ferrite.gateway.traffic.TrafficCounters;
import io.netty.handler.codec.mqtt.MqttMessageType;

import org.springframework.stereotype.Component;

/**
 * The node's counters under EMQX's metric names ({@code messages.received}, {@code bytes.sent},
 * ...), for {@code GET /api/v5/metrics} and {@code $SYS/brokers/{node}/metrics/...}. Only the
 * ones this node counts honestly are listed; {@code docs/gateway.md} says which those are.
 */
@Component
public class MetricsReport {

    private final TrafficCounters traffic;
    private final BrokerMetrics broker;

    public MetricsReport(TrafficCounters traffic, BrokerMetrics broker) {
        this.traffic = traffic;
        this.broker = broker;
    }

    public Map<String, Long> current() {
        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("bytes.received", traffic.bytesReceived());
        metrics.put("bytes.sent", traffic.bytesSent());
        packets(metrics);
        messages(metrics);
        deliveries(metrics);
        metrics.put("client.connack", traffic.packetsSent(MqttMessageType.CONNACK));
        metrics.put("client.connected", broker.connected());
        metrics.put("client.disconnected", broker.disconnected());
        metrics.put("authentication.failure", traffic.connAckAuthErrors());
        return metrics;
    }

    private void packets(Map<String, Long> metrics) {
        metrics.put("packets.received", traffic.packetsReceived());
        metrics.put("packets.sent", traffic.packetsSent());
        metrics.put("packets.connect.received", traffic.packetsReceived(MqttMessageType.CONNECT));
        metrics.put("packets.connack.sent", traffic.packetsSent(MqttMessageType.CONNACK));
        metrics.put("packets.connack.error", traffic.connAckErrors());
        metrics.put("packets.connack.auth_error", traffic.connAckAuthErrors());
        metrics.put("packets.publish.received", traffic.packetsReceived(MqttMessageType.PUBLISH));
        metrics.put("packets.publish.sent", traffic.packetsSent(MqttMessageType.PUBLISH));
        metrics.put("packets.publish.error", traffic.publishErrors());
        metrics.put("packets.publish.auth_error", traffic.publishAuthErrors());
        both(metrics, "puback", MqttMessageType.PUBACK);
        both(metrics, "pubrec", MqttMessageType.PUBREC);
        both(metrics, "pubrel", MqttMessageType.PUBREL);
        both(metrics, "pubcomp", MqttMessageType.PUBCOMP);
        metrics.put("packets.subscribe.received", traffic.packetsReceived(MqttMessageType.SUBSCRIBE));
        metrics.put("packets.suback.sent", traffic.packetsSent(MqttMessageType.SUBACK));
        metrics.put("packets.unsubscribe.received", traffic.packetsReceived(MqttMessageType.UNSUBSCRIBE));
        metrics.put("packets.unsuback.sent", traffic.packetsSent(MqttMessageType.UNSUBACK));
        metrics.put("packets.pingreq.received", traffic.packetsReceived(MqttMessageType.PINGREQ));
        metrics.put("packets.pingresp.sent", traffic.packetsSent(MqttMessageType.PINGRESP));
        both(metrics, "disconnect", MqttMessageType.DISCONNECT);
        both(metrics, "auth", MqttMessageType.AUTH);
    }

    private void messages(Map<String, Long> metrics) {
        long received = 0;
        long sent = 0;
        for (int qos = 0; qos <= 2; qos++) {
            received += traffic.publishesReceived(qos);
            sent += traffic.publishesSent(qos);
        }
        metrics.put("messages.received", received);
        metrics.put("messages.sent", sent);
        for (int qos = 0; qos <= 2; qos++) {
            metrics.put("messages.qos" + qos + ".received", traffic.publishesReceived(qos));
            metrics.put("messages.qos" + qos + ".sent", traffic.publishesSent(qos));
        }
        metrics.put("messages.publish", broker.published());
        Map<String, Long> dropped = broker.messagesDropped();
        metrics.put("messages.dropped", sum(dropped));
        dropped.forEach((reason, count) -> metrics.put("messages.dropped." + reason, count));
        metrics.put("messages.delivered", broker.delivered());
        metrics.put("messages.acked", broker.acked());
    }

    private void deliveries(Map<String, Long> metrics) {
        Map<String, Long> dropped = broker.deliveriesDropped();
        metrics.put("delivery.dropped", sum(dropped));
        dropped.forEach((reason, count) -> metrics.put("delivery.dropped." + reason, count));
    }

    private void both(Map<String, Long> metrics, String name, MqttMessageType type) {
        metrics.put("packets." + name + ".received", traffic.packetsReceived(type));
        metrics.put("packets." + name + ".sent", traffic.packetsSent(type));
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
