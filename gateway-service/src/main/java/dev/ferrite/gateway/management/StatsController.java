package dev.ferrite.gateway.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferrite.gateway.metrics.BrokerStats;
import dev.ferrite.gateway.metrics.MetricsReport;
import dev.ferrite.gateway.node.NodeProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v5/stats} and {@code GET /api/v5/metrics} in EMQX 5's shape: a list with one
 * object per node (this one, with its {@code node} name), or with {@code aggregate=true} one
 * object for the cluster, which is this node.
 */
@RestController
@RequestMapping(path = "/api/v5", produces = "application/json")
@Tag(name = "Metrics")
public class StatsController {

    private final BrokerStats stats;
    private final MetricsReport metrics;
    private final String node;

    public StatsController(BrokerStats stats, MetricsReport metrics, NodeProperties node) {
        this.stats = stats;
        this.metrics = metrics;
        this.node = node.nodeName();
    }

    @GetMapping("/stats")
    @Operation(summary = "How much the node holds and the most it has held: connections.count, subscriptions.max, ...")
    public Object stats(@Parameter(description = "true: one object rather than one per node")
            @RequestParam(defaultValue = "false") boolean aggregate) {
        return shaped(stats.current(), aggregate);
    }

    @GetMapping("/metrics")
    @Operation(summary = "The node's counters under EMQX's names: messages.received, bytes.sent, delivery.dropped, ...")
    public Object metrics(@Parameter(description = "true: one object rather than one per node")
            @RequestParam(defaultValue = "false") boolean aggregate) {
        return shaped(metrics.current(), aggregate);
    }

    private Object shaped(Map<String, Long> values, boolean aggregate) {
        if (aggregate) {
            return values;
        }
        Map<String, Object> perNode = new LinkedHashMap<>();
        perNode.put("node", node);
        perNode.putAll(values);
        return List.of(perNode);
    }
}
