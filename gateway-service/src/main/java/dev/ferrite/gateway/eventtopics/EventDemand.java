package dev.ferrite.gateway.eventtopics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.ferrite.gateway.routing.SubscriptionIndex;

/**
 * Whether anything subscribes to an event topic, asked on every event (every delivery, for
 * {@code message_delivered}), so answered from a cache: one answer per topic, stamped with the
 * generation of the subscriptions it was computed at. A subscribe or unsubscribe that could
 * concern {@code $events/} starts a new generation, after it changed the index, which makes every
 * answer stale; the index is asked again only then. A subscription that disappears silently (its
 * session ended) is noticed when an event published for it reaches nobody.
 */
final class EventDemand {

    private static final long UNKNOWN = -1;

    private final SubscriptionIndex subscriptions;
    private final AtomicLong generation = new AtomicLong();
    /** Per topic: generation << 1 | wanted. */
    private final AtomicLongArray answers = new AtomicLongArray(EventTopic.values().length);

    EventDemand(SubscriptionIndex subscriptions) {
        this.subscriptions = subscriptions;
        for (int i = 0; i < answers.length(); i++) {
            answers.set(i, UNKNOWN);
        }
    }

    boolean isWanted(EventTopic topic) {
        long current = generation.get();
        long answer = answers.get(topic.ordinal());
        if (answer != UNKNOWN && answer >>> 1 == current) {
            return (answer & 1) == 1;
        }
        boolean wanted = !subscriptions.match(topic.topic()).isEmpty();
        answers.set(topic.ordinal(), current << 1 | (wanted ? 1 : 0));
        return wanted;
    }

    /** Read before publishing an event, for {@link #reachedNobody}. */
    long generation() {
        return generation.get();
    }

    /** An event published at {@code generationBefore} reached nobody: no subscriber until the next change. */
    void reachedNobody(EventTopic topic, long generationBefore) {
        answers.set(topic.ordinal(), generationBefore << 1);
    }

    /** A subscription was added or removed: call after the index changed. */
    void subscriptionsChanged(String topicFilter) {
        if (topicFilter.contains("$events")) {
            generation.incrementAndGet();
        }
    }
}
