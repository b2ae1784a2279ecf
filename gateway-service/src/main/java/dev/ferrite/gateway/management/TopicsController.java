package dev.ferrite.gateway.management;

import java.util.TreeSet;

import dev.ferrite.gateway.node.NodeProperties;
import dev.ferrite.gateway.session.SessionDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v5/topics}: the topic filters in use and the node that routes them (EMQX's
 * routes). A shared subscription routes by its filter, without the {@code $share/group/} part.
 */
@RestController
@RequestMapping(path = "/api/v5/topics", produces = "application/json")
@Tag(name = "Topics")
public class TopicsController {

    /** @param topic a topic filter that at least one session subscribes to */
    public record TopicView(String topic, String node) {
    }

    private final SessionDirectory sessions;
    private final String node;

    public TopicsController(SessionDirectory sessions, NodeProperties node) {
        this.sessions = sessions;
        this.node = node.nodeName();
    }

    @GetMapping
    @Operation(summary = "List the topic filters subscribed to, in order")
    public Page<TopicView> list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit,
            @Parameter(description = "An exact topic filter") @RequestParam(required = false) String topic) {
        TreeSet<String> filters = new TreeSet<>();
        sessions.sessions().forEach(session -> session.subscriptions()
                .forEach(subscription -> filters.add(subscription.topicFilter())));
        return Page.of(filters.stream()
                .filter(filter -> topic == null || topic.equals(filter))
                .map(filter -> new TopicView(filter, node))
                .toList(), page, limit);
    }
}
