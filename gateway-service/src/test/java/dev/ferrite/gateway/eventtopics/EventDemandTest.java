package dev.ferrite.gateway.eventtopics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrite.gateway.routing.Subscription;
import dev.ferrite.gateway.routing.TopicTree;
import org.junit.jupiter.api.Test;

/** The cached answer to "does anything subscribe to this event topic?", against a real topic tree. */
class EventDemandTest {

    private final TopicTree subscriptions = new TopicTree();
    private final EventDemand demand = new EventDemand(subscriptions);

    @Test
    void aSubscriptionToTheTopicOrAWildcardUnderEventsMakesItWanted() {
        assertThat(demand.isWanted(EventTopic.CLIENT_CONNECTED)).isFalse();

        subscriptions.add(Subscription.of("rules", "$events/+", 1));
        demand.subscriptionsChanged("$events/+");

        assertThat(demand.isWanted(EventTopic.CLIENT_CONNECTED)).isTrue();
        assertThat(demand.isWanted(EventTopic.MESSAGE_DELIVERED)).isTrue();
    }

    @Test
    void aSharedSubscriptionCountsToo() {
        subscriptions.add(new Subscription("rules-1", "$events/message_dropped", "rules", 1, false, false, 0, 0));
        demand.subscriptionsChanged("$share/rules/$events/message_dropped");

        assertThat(demand.isWanted(EventTopic.MESSAGE_DROPPED)).isTrue();
        assertThat(demand.isWanted(EventTopic.MESSAGE_ACKED)).isFalse();
    }

    @Test
    void theAnswerIsKeptUntilASubscriptionUnderEventsChanges() {
        assertThat(demand.isWanted(EventTopic.SESSION_SUBSCRIBED)).isFalse();
        subscriptions.add(Subscription.of("rules", "$events/session_subscribed", 1));

        demand.subscriptionsChanged("devices/+/state");
        assertThat(demand.isWanted(EventTopic.SESSION_SUBSCRIBED)).as("other filters do not concern events").isFalse();

        demand.subscriptionsChanged("$events/session_subscribed");
        assertThat(demand.isWanted(EventTopic.SESSION_SUBSCRIBED)).isTrue();
    }

    @Test
    void aSubscriptionThatVanishedSilentlyIsForgottenOnceAnEventReachesNobody() {
        subscriptions.add(Subscription.of("rules", "$events/client_disconnected", 1));
        demand.subscriptionsChanged("$events/client_disconnected");
        assertThat(demand.isWanted(EventTopic.CLIENT_DISCONNECTED)).isTrue();
        long generation = demand.generation();

        subscriptions.removeAll("rules"); // the session ended: no unsubscribe event
        demand.reachedNobody(EventTopic.CLIENT_DISCONNECTED, generation);

        assertThat(demand.isWanted(EventTopic.CLIENT_DISCONNECTED)).isFalse();
    }

    @Test
    void nobodyReachedBeforeANewSubscriptionDoesNotHideIt() {
        long generation = demand.generation();
        subscriptions.add(Subscription.of("rules", "$events/message_acked", 1));
        demand.subscriptionsChanged("$events/message_acked");

        demand.reachedNobody(EventTopic.MESSAGE_ACKED, generation);

        assertThat(demand.isWanted(EventTopic.MESSAGE_ACKED)).isTrue();
    }
}
