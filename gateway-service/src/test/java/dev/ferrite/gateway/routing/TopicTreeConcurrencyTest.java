package dev.ferrite.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.ferrite.gateway.routing.Matches.ClientMatch;
import dev.ferrite.gateway.routing.Matches.SharedKey;
import dev.ferrite.gateway.topic.TopicFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writers subscribe and unsubscribe their own clients, all in the same few subtrees so that
 * nodes are created and pruned under each other, while readers match. Every run does a fixed
 * number of operations; the final state must be exactly what each writer's operations imply.
 */
class TopicTreeConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int CLIENTS_PER_WRITER = 8;
    private static final int OPERATIONS_PER_WRITER = 6_000;
    private static final int READERS = 2;
    private static final int MATCHES_PER_READER = 6_000;
    private static final ClientMatch ANCHOR_MATCH = new ClientMatch(1, List.of(), false, false);

    private final TopicTree tree = new TopicTree();
    private final List<String> filters = filterPool();
    private final List<String> topics = topicPool();
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void concurrentChangesLoseNothingAndReadersNeverSeeAHalfMadeTree() throws Exception {
        // Anchors are never touched: every match of their topics must find them, whatever is pruned around them.
        tree.add(Subscription.of("anchor-exact", "site/1/device/1/telemetry", 1));
        tree.add(Subscription.of("anchor-wildcard", "site/+/device/+/telemetry", 1));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Map<String, Subscription>>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(threads.submit(writer(w, start)));
        }
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(threads.submit(reader(r, start)));
        }
        start.countDown();

        Map<String, Map<String, Subscription>> expected = new HashMap<>();
        for (Future<Map<String, Map<String, Subscription>>> writer : writers) {
            expected.putAll(writer.get(2, TimeUnit.MINUTES));
        }
        for (Future<Integer> reader : readers) {
            assertThat(reader.get(2, TimeUnit.MINUTES)).isEqualTo(MATCHES_PER_READER);
        }

        long expectedSize = expected.values().stream().mapToLong(Map::size).sum() + 2;
        assertThat(tree.size()).isEqualTo(expectedSize);
        for (String topic : topics) {
            assertMatchesModel(topic, expected);
        }
        for (String clientId : expected.keySet()) {
            tree.removeAll(clientId);
        }
        tree.removeAll("anchor-exact");
        tree.removeAll("anchor-wildcard");
        assertThat(tree.nodeCount()).isZero();
        assertThat(tree.size()).isZero();
    }

    /** Runs its operations and returns the subscriptions its clients should be left with. */
    private Callable<Map<String, Map<String, Subscription>>> writer(int writer, CountDownLatch start) {
        return () -> {
            Random random = new Random(writer);
            Map<String, Map<String, Subscription>> model = new HashMap<>();
            start.await();
            for (int op = 0; op < OPERATIONS_PER_WRITER; op++) {
                String clientId = "w" + writer + "-c" + random.nextInt(CLIENTS_PER_WRITER);
                String written = filters.get(random.nextInt(filters.size()));
                int dice = random.nextInt(10);
                if (dice < 6) {
                    TopicFilter filter = TopicFilter.parse(written);
                    Subscription subscription = new Subscription(clientId, filter.filter(), filter.shareGroup(),
                            random.nextInt(3), random.nextBoolean(), random.nextBoolean(), 0, random.nextInt(4));
                    tree.add(subscription);
                    model.computeIfAbsent(clientId, id -> new HashMap<>()).put(written, subscription);
                } else if (dice < 9) {
                    Map<String, Subscription> own = model.getOrDefault(clientId, Map.of());
                    boolean had = own.containsKey(written);
                    assertThat(tree.remove(clientId, written)).as("remove %s %s", clientId, written).isEqualTo(had);
                    if (had) {
                        own.remove(written);
                    }
                } else {
                    tree.removeAll(clientId);
                    model.remove(clientId);
                }
            }
            model.values().removeIf(Map::isEmpty);
            return model;
        };
    }

    private Callable<Integer> reader(int reader, CountDownLatch start) {
        return () -> {
            Random random = new Random(100 + reader);
            start.await();
            int done = 0;
            for (int i = 0; i < MATCHES_PER_READER; i++) {
                String topic = topics.get(random.nextInt(topics.size()));
                Matches matches = tree.match(topic);
                if (topic.startsWith("site/")) {
                    assertThat(matches.clients().get("anchor-wildcard")).as(topic).isEqualTo(ANCHOR_MATCH);
                }
                if (topic.equals("site/1/device/1/telemetry")) {
                    assertThat(matches.clients().get("anchor-exact")).isEqualTo(ANCHOR_MATCH);
                }
                done++;
            }
            return done;
        };
    }

    private void assertMatchesModel(String topic, Map<String, Map<String, Subscription>> expected) {
        MatchCollector model = new MatchCollector();
        List<Subscription> all = new ArrayList<>();
        expected.values().forEach(own -> all.addAll(own.values()));
        all.add(Subscription.of("anchor-exact", "site/1/device/1/telemetry", 1));
        all.add(Subscription.of("anchor-wildcard", "site/+/device/+/telemetry", 1));
        for (Subscription subscription : all) {
            if (new TopicFilter(subscription.shareGroup(), subscription.topicFilter()).matches(topic)) {
                model.add(subscription);
            }
        }
        Matches want = model.toMatches();
        Matches got = tree.match(topic);
        assertThat(got.clients()).as(topic).isEqualTo(want.clients());
        assertThat(members(got.shared())).as(topic).isEqualTo(members(want.shared()));
    }

    private static Map<SharedKey, Set<Subscription>> members(Map<SharedKey, List<Subscription>> shared) {
        return shared.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new HashSet<>(e.getValue())));
    }

    private static List<String> filterPool() {
        List<String> pool = new ArrayList<>(List.of("#", "+/+/device/+/telemetry", "$SYS/#", "site/+/+/+/+"));
        for (int site = 0; site < 3; site++) {
            pool.add("site/" + site + "/#");
            pool.add("$share/g" + site + "/site/" + site + "/device/+/telemetry");
            for (int device = 0; device < 3; device++) {
                pool.add("site/" + site + "/device/" + device + "/telemetry");
                pool.add("site/+/device/" + device + "/telemetry");
            }
        }
        return List.copyOf(pool);
    }

    private static List<String> topicPool() {
        List<String> pool = new ArrayList<>(List.of("$SYS/load", "other"));
        for (int site = 0; site < 3; site++) {
            for (int device = 0; device < 3; device++) {
                pool.add("site/" + site + "/device/" + device + "/telemetry");
            }
        }
        return List.copyOf(pool);
    }
}
