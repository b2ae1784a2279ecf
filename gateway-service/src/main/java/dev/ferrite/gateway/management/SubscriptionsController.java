package dev.ferrite.gateway.management;

import java.util.Comparator;
import java.util.List;

import dev.ferrite.gateway.node.NodeProperties;
import dev.ferrite.gateway.routing.Subscription;
import dev.ferrite.gateway.session.SessionDirectory;
import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicFilter;
import dev.ferrite.gateway.topic.TopicName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v5/subscriptions}: every session's subscriptions, filtered and paged as in EMQX 5. */
@RestController
@RequestMapping(path = "/api/v5/subscriptions", produces = "application/json")
@Tag(name = "Subscriptions")
public class SubscriptionsController {

    private static final Comparator<SubscriptionView> ORDER =
            Comparator.comparing(SubscriptionView::clientid).thenComparing(SubscriptionView::topic);

    private final SessionDirectory sessions;
    private final String node;

    public SubscriptionsController(SessionDirectory sessions, NodeProperties node) {
        this.sessions = sessions;
        this.node = node.nodeName();
    }

    @GetMapping
    @Operation(summary = "List subscriptions, by client id and filter")
    public Page<SubscriptionView> list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String clientid,
            @Parameter(description = "The filter exactly as subscribed ($share/group/filter for a shared one)")
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) Integer qos,
            @RequestParam(name = "share_group", required = false) String shareGroup,
            @Parameter(description = "A topic name: subscriptions whose filter matches it")
            @RequestParam(name = "match_topic", required = false) String matchTopic) {
        if (matchTopic != null) {
            validateName(matchTopic);
        }
        List<SubscriptionView> matching = sessions.sessions().stream()
                .flatMap(session -> session.subscriptions().stream())
                .filter(subscription -> (clientid == null || clientid.equals(subscription.clientId()))
                        && (qos == null || qos == subscription.qos())
                        && (shareGroup == null || shareGroup.equals(subscription.shareGroup()))
                        && (matchTopic == null || matches(subscription, matchTopic)))
                .map(subscription -> SubscriptionView.of(subscription, node))
                .filter(view -> topic == null || topic.equals(view.topic()))
                .sorted(ORDER)
                .toList();
        return Page.of(matching, page, limit);
    }

    private static boolean matches(Subscription subscription, String topicName) {
        return new TopicFilter(subscription.shareGroup(), subscription.topicFilter()).matches(topicName);
    }

    private static void validateName(String topicName) {
        try {
            TopicName.validate(topicName);
        } catch (InvalidTopicException e) {
            throw ApiProblems.invalidParameter("match_topic must be a topic name: " + e.getMessage());
        }
    }
}
