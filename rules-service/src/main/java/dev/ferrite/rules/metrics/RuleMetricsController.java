package dev.ferrite.rules.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.ferrite.rules.NodeName;
import dev.ferrite.rules.rule.RuleService;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v5/rules/{id}/metrics}: a rule's figures in EMQX's shape, as counted by the
 * replica that answers (each replica counts the share of the traffic it received; Prometheus
 * sums them across replicas).
 */
@RestController
@Tag(name = "Rules")
public class RuleMetricsController {

    private final RuleService rules;
    private final RuleMetricsRegistry metrics;
    private final NodeName node;

    public RuleMetricsController(RuleService rules, RuleMetricsRegistry metrics, NodeName node) {
        this.rules = rules;
        this.metrics = metrics;
        this.node = node;
    }

    @GetMapping(path = "/api/v5/rules/{id}/metrics", produces = "application/json")
    @Operation(summary = "A rule's counters and matched rates on this replica")
    public Map<String, Object> get(@PathVariable String id) {
        rules.get(id);
        Map<String, Object> figures = metrics.forRule(id).snapshot().toEmqxJson();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("metrics", figures);
        body.put("node_metrics", List.of(Map.of("node", node.get(), "metrics", figures)));
        return body;
    }

    @PutMapping("/api/v5/rules/{id}/metrics/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a rule's counters and rates on this replica back to zero")
    public void reset(@PathVariable String id) {
        rules.get(id);
        metrics.forRule(id).reset();
    }
}
