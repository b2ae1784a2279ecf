package dev.ferrite.gateway.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicFilter;
import dev.ferrite.gateway.topic.TopicName;

/**
 * The subscription index as a trie keyed by topic level, after HiveMQ's topic tree: first-level
 * segments in a concurrent map, and in every node the subscribers of that exact filter and of
 * the filter followed by {@code /#}.
 *
 * <p>Concurrency: {@link #match} never locks. It reads children through concurrent maps and
 * subscriber lists through volatile snapshots that writers replace whole, so it never sees a
 * half-made change. Writers lock one of {@value #STRIPES} stripes chosen by the filter's first
 * level, which serialises every change to that subtree. That is what makes pruning safe: a
 * subscribe cannot attach to a node that an unsubscribe is removing, because both hold the same
 * stripe. Per-node locks would let writers of one busy first level (every {@code site/...})
 * proceed in parallel, but pruning then needs hand-over-hand locking up the path; subscription
 * changes are rare next to matches, so the simpler stripes win. Copy-on-write of the whole tree
 * was ruled out: each change would copy the path and the subscriber lists of a busy filter.
 *
 * <p>Each client's filters are also kept by client id, so {@link #removeAll} visits only that
 * client's nodes. Changes for one client run inside that client's map entry, so the client index
 * and the tree agree even when one client's calls overlap.
 */
public final class TopicTree implements SubscriptionIndex {

    private static final int STRIPES = 64;
    private static final String SINGLE_LEVEL = "+";
    private static final String MULTI_LEVEL = "#";

    private final ConcurrentHashMap<String, TopicNode> firstLevel = new ConcurrentHashMap<>();
    /** Subscribers of the filter {@code #}, which has no first-level node to live in. */
    private final SubscriberList everything = new SubscriberList();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** Each client's filters as it wrote them ({@code $share/group/filter} for shared ones). */
    private final ConcurrentHashMap<String, ClientFilters> filtersByClient = new ConcurrentHashMap<>();
    private final LongAdder size = new LongAdder();

    public TopicTree() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** @throws InvalidTopicException if the filter or share group is invalid */
    @Override
    public void add(Subscription subscription) {
        TopicFilter filter = TopicFilter.of(
                subscription.shareGroup(), subscription.topicFilter(), TopicName.UNLIMITED_LEVELS);
        filtersByClient.compute(subscription.clientId(), (clientId, filters) -> {
            ClientFilters written = filters == null ? new ClientFilters() : filters;
            if (insert(subscription) == null) {
                size.increment();
            }
            written.add(filter.asWritten());
            return written;
        });
    }

    @Override
    public boolean remove(String clientId, String topicFilter) {
        TopicFilter filter;
        try {
            filter = TopicFilter.parse(topicFilter);
        } catch (InvalidTopicException invalid) {
            return false;
        }
        boolean[] removed = new boolean[1];
        filtersByClient.computeIfPresent(clientId, (id, filters) -> {
            if (filters.remove(filter.asWritten())) {
                removed[0] = delete(clientId, filter);
            }
            return filters.isEmpty() ? null : filters;
        });
        return removed[0];
    }

    @Override
    public void removeAll(String clientId) {
        filtersByClient.computeIfPresent(clientId, (id, filters) -> {
            for (String written : filters.all()) {
                delete(clientId, TopicFilter.parse(written));
            }
            return null;
        });
    }

    /** @param topicName a validated topic name (see {@link TopicName#validate}) */
    @Override
    public Matches match(String topicName) {
        String[] levels = topicName.split("/", -1);
        MatchCollector collector = new MatchCollector();
        boolean system = TopicName.isSystemTopic(levels[0]);
        if (!system) {
            everything.collectInto(collector);
            TopicNode any = firstLevel.get(SINGLE_LEVEL);
            if (any != null) {
                collect(any, levels, 1, collector);
            }
        }
        TopicNode literal = firstLevel.get(levels[0]);
        if (literal != null) {
            collect(literal, levels, 1, collector);
        }
        return collector.toMatches();
    }

    @Override
    public long size() {
        return size.sum();
    }

    /** How many nodes the tree holds; zero once every subscription is gone. */
    long nodeCount() {
        long count = 0;
        for (TopicNode node : firstLevel.values()) {
            count += node.countNodes();
        }
        return count;
    }

    /** {@code node} was reached by {@code levels[0..next)}. */
    private static void collect(TopicNode node, String[] levels, int next, MatchCollector collector) {
        node.multiLevel.collectInto(collector);
        if (next == levels.length) {
            node.exact.collectInto(collector);
            return;
        }
        TopicNode literal = node.child(levels[next]);
        if (literal != null) {
            collect(literal, levels, next + 1, collector);
        }
        TopicNode any = node.child(SINGLE_LEVEL);
        if (any != null) {
            collect(any, levels, next + 1, collector);
        }
    }

    /** Returns the subscription replaced, or null. */
    private Subscription insert(Subscription subscription) {
        String[] levels = subscription.topicFilter().split("/", -1);
        ReentrantLock stripe = stripeOf(levels[0]);
        stripe.lock();
        try {
            return listFor(levels).put(subscription);
        } finally {
            stripe.unlock();
        }
    }

    private SubscriberList listFor(String[] levels) {
        if (levels.length == 1 && levels[0].equals(MULTI_LEVEL)) {
            return everything;
        }
        boolean multiLevel = levels[levels.length - 1].equals(MULTI_LEVEL);
        int depth = multiLevel ? levels.length - 1 : levels.length;
        TopicNode node = firstLevel.computeIfAbsent(levels[0], ignored -> new TopicNode());
        for (int i = 1; i < depth; i++) {
            node = node.childOrCreate(levels[i]);
        }
        return multiLevel ? node.multiLevel : node.exact;
    }

    /** Removes the subscription and every node it leaves empty; returns whether there was one. */
    private boolean delete(String clientId, TopicFilter filter) {
        String[] levels = filter.filter().split("/", -1);
        ReentrantLock stripe = stripeOf(levels[0]);
        stripe.lock();
        try {
            boolean removed = deleteLocked(clientId, filter.shareGroup(), levels);
            if (removed) {
                size.decrement();
            }
            return removed;
        } finally {
            stripe.unlock();
        }
    }

    private boolean deleteLocked(String clientId, String shareGroup, String[] levels) {
        if (levels.length == 1 && levels[0].equals(MULTI_LEVEL)) {
            return everything.remove(clientId, shareGroup) != null;
        }
        boolean multiLevel = levels[levels.length - 1].equals(MULTI_LEVEL);
        int depth = multiLevel ? levels.length - 1 : levels.length;
        TopicNode[] path = new TopicNode[depth];
        path[0] = firstLevel.get(levels[0]);
        for (int i = 1; i < depth && path[i - 1] != null; i++) {
            path[i] = path[i - 1].child(levels[i]);
        }
        TopicNode node = path[depth - 1];
        if (node == null) {
            return false;
        }
        SubscriberList list = multiLevel ? node.multiLevel : node.exact;
        if (list.remove(clientId, shareGroup) == null) {
            return false;
        }
        for (int i = depth - 1; i >= 0 && path[i].isEmpty(); i--) {
            if (i == 0) {
                firstLevel.remove(levels[0]);
            } else {
                path[i - 1].removeChild(levels[i]);
            }
        }
        return true;
    }

    private ReentrantLock stripeOf(String firstLevelSegment) {
        int hash = firstLevelSegment.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }
}
