package dev.ferrite.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.ferrite.gateway.routing.Matches.SharedKey;
import org.junit.jupiter.api.Test;

/** Unsubscribing, ending sessions, and the pruning that keeps the tree's memory bounded. */
class TopicTreeRemovalTest {

    private final TopicTree tree = new TopicTree();

    @Test
    void removedSubscriptionNoLongerMatches() {
        tree.add(Subscription.of("c", "a/+", 1));
        tree.add(Subscription.of("c", "a/b", 1));

        assertThat(tree.remove("c", "a/+")).isTrue();

        assertThat(tree.match("a/c").isEmpty()).isTrue();
        assertThat(tree.match("a/b").clients()).containsOnlyKeys("c");
        assertThat(tree.size()).isEqualTo(1);
    }

    @Test
    void removingWhatIsNotThereReportsFalse() {
        tree.add(Subscription.of("c", "a/b", 1));

        assertThat(tree.remove("c", "a/c")).isFalse();
        assertThat(tree.remove("other", "a/b")).isFalse();
        assertThat(tree.remove("c", "a/b/c")).isFalse();
        assertThat(tree.remove("c", "a/#/b")).isFalse();
        assertThat(tree.match("a/b").clients()).containsOnlyKeys("c");
    }

    @Test
    void sharedSubscriptionIsRemovedAsTheClientWroteIt() {
        tree.add(new Subscription("c", "a/b", "g", 1, false, false, 0, 0));
        tree.add(Subscription.of("c", "a/b", 1));

        assertThat(tree.remove("c", "a/b/")).isFalse();
        assertThat(tree.remove("c", "$share/g/a/b")).isTrue();

        Matches matches = tree.match("a/b");
        assertThat(matches.shared()).isEmpty();
        assertThat(matches.clients()).containsOnlyKeys("c");
    }

    @Test
    void removeAllTakesEveryFilterOfTheClientAndNoOtherClients() {
        tree.add(Subscription.of("gone", "#", 0));
        tree.add(Subscription.of("gone", "a/+", 0));
        tree.add(Subscription.of("gone", "a/b/#", 0));
        tree.add(new Subscription("gone", "a/b", "g", 0, false, false, 0, 0));
        tree.add(Subscription.of("stays", "a/b", 0));
        tree.add(new Subscription("stays", "a/b", "g", 0, false, false, 0, 0));

        tree.removeAll("gone");

        Matches matches = tree.match("a/b");
        assertThat(matches.clients()).containsOnlyKeys("stays");
        assertThat(matches.shared().get(new SharedKey("g", "a/b"))).extracting(Subscription::clientId)
                .containsExactly("stays");
        assertThat(tree.size()).isEqualTo(2);
    }

    @Test
    void emptyNodesArePrunedSoTheTreeReturnsToNothing() {
        List<String> filters = List.of("a/b/c/d", "a/b/#", "a/+/c", "+/b", "#", "/", "//x", "$SYS/#", "a");
        for (String filter : filters) {
            tree.add(Subscription.of("one", filter, 0));
            tree.add(Subscription.of("two", filter, 0));
        }
        tree.add(new Subscription("three", "a/b/c/d", "g", 0, false, false, 0, 0));
        assertThat(tree.nodeCount()).isPositive();

        for (String filter : filters) {
            assertThat(tree.remove("one", filter)).isTrue();
        }
        tree.removeAll("two");
        assertThat(tree.nodeCount()).as("nodes kept by a shared subscription").isEqualTo(4);
        tree.removeAll("three");

        assertThat(tree.nodeCount()).isZero();
        assertThat(tree.size()).isZero();
        assertThat(tree.match("a/b/c/d").isEmpty()).isTrue();
    }

    @Test
    void removeAllTakesEveryFilterOfAClientWithMany() {
        int filters = ClientFilters.ARRAY_LIMIT * 4;
        for (int i = 0; i < filters; i++) {
            tree.add(Subscription.of("backend", "site/" + i + "/#", 0));
        }
        tree.add(Subscription.of("device", "site/1/cmd", 0));
        assertThat(tree.size()).isEqualTo(filters + 1);

        tree.removeAll("backend");

        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.match("site/1/cmd").clients()).containsOnlyKeys("device");
        assertThat(tree.nodeCount()).isEqualTo(3);
    }

    @Test
    void pruningStopsAtANodeThatStillHasSubscribers() {
        tree.add(Subscription.of("c", "a/b", 0));
        tree.add(Subscription.of("c", "a/b/c/d", 0));

        tree.remove("c", "a/b/c/d");

        assertThat(tree.nodeCount()).isEqualTo(2);
        assertThat(tree.match("a/b").clients()).containsOnlyKeys("c");
    }

    @Test
    void churnDoesNotGrowTheTree() {
        for (int round = 0; round < 50; round++) {
            for (int device = 0; device < 100; device++) {
                tree.add(Subscription.of("d" + device, "site/" + round + "/device/" + device + "/cmd", 1));
            }
            for (int device = 0; device < 100; device++) {
                tree.removeAll("d" + device);
            }
        }

        assertThat(tree.nodeCount()).isZero();
        assertThat(tree.size()).isZero();
    }

    @Test
    void popularFilterShrinksBackAndEmptiesCompletely() {
        int clients = SubscriberList.ARRAY_LIMIT * 3;
        for (int i = 0; i < clients; i++) {
            tree.add(Subscription.of("c" + i, "a/+", 0));
        }
        for (int i = 0; i < clients - 1; i++) {
            tree.remove("c" + i, "a/+");
        }
        assertThat(tree.match("a/x").clients()).containsOnlyKeys("c" + (clients - 1));

        tree.remove("c" + (clients - 1), "a/+");

        assertThat(tree.nodeCount()).isZero();
    }
}
