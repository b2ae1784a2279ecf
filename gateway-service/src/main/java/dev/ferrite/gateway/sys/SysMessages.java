package dev.ferrite.gateway.sys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ferrite.gateway.message.SystemTopics;
import dev.ferrite.gateway.metrics.BrokerStats;
import dev.ferrite.gateway.metrics.MetricsReport;
import dev.ferrite.gateway.node.NodeProperties;
import dev.ferrite.restconventions.ServiceIdentity;

import org.springframework.stereotype.Component;

/**
 * What the {@code $SYS} topics say at one moment, by topic, in EMQX's layout: the node list, then
 * under {@code $SYS/brokers/{node}/} its version, description, uptime (milliseconds) and date,
 * every stat under {@code stats/} and every metric under {@code metrics/}, dots turned into levels
 * ({@code connections.count} is {@code stats/connections/count}).
 */
@Component
class SysMessages {

    static final String DESCRIPTION = "Ferrite gateway, an MQTT broker";

    private final String node;
    private final String prefix;
    private final ServiceIdentity identity;
    private final BrokerStats stats;
    private final MetricsReport metrics;

    SysMessages(NodeProperties node, ServiceIdentity identity, BrokerStats stats, MetricsReport metrics) {
        this.node = node.nodeName();
        this.prefix = SystemTopics.SYS_PREFIX + "brokers/" + node.nodeName() + "/";
        this.identity = identity;
        this.stats = stats;
        this.metrics = metrics;
    }

    Map<String, String> current(Instant now) {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(SystemTopics.SYS_PREFIX + "brokers", node);
        topics.put(prefix + "version", identity.version());
        topics.put(prefix + "sysdescr", DESCRIPTION);
        topics.put(prefix + "uptime", Long.toString(Math.max(0, now.toEpochMilli() - identity.startedAt().toEpochMilli())));
        topics.put(prefix + "datetime",
                OffsetDateTime.ofInstant(now, ZoneId.systemDefault()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        stats.current().forEach((name, value) -> topics.put(prefix + "stats/" + levels(name), Long.toString(value)));
        metrics.current().forEach((name, value) -> topics.put(prefix + "metrics/" + levels(name), Long.toString(value)));
        return topics;
    }

    private static String levels(String dottedName) {
        return dottedName.replace('.', '/');
    }
}
