package dev.ferrite.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One level of the topic tree. A node reached by levels {@code a/b} holds the subscriptions to
 * {@code a/b} ({@link #exact}) and to {@code a/b/#} ({@link #multiLevel}, because {@code #} also
 * matches its parent level); a {@code +} level is an ordinary child named "+".
 * Children are created and removed by writers only (under the tree's stripe lock).
 */
final class TopicNode {

    final SubscriberList exact = new SubscriberList();
    final SubscriberList multiLevel = new SubscriberList();
    /** Null until the first child: most nodes are leaves, and an empty map costs more than the node. */
    private volatile ConcurrentHashMap<String, TopicNode> children;

    TopicNode child(String level) {
        Map<String, TopicNode> current = children;
        return current == null ? null : current.get(level);
    }

    TopicNode childOrCreate(String level) {
        ConcurrentHashMap<String, TopicNode> current = children;
        if (current == null) {
            current = new ConcurrentHashMap<>(2);
            children = current;
        }
        return current.computeIfAbsent(level, ignored -> new TopicNode());
    }

    void removeChild(String level) {
        ConcurrentHashMap<String, TopicNode> current = children;
        if (current != null) {
            current.remove(level);
            if (current.isEmpty()) {
                children = null;
            }
        }
    }

    boolean isEmpty() {
        return exact.isEmpty() && multiLevel.isEmpty() && children == null;
    }

    /** This node and every node below it. */
    long countNodes() {
        Map<String, TopicNode> current = children;
        long count = 1;
        if (current != null) {
            for (TopicNode child : current.values()) {
                count += child.countNodes();
            }
        }
        return count;
    }
}
