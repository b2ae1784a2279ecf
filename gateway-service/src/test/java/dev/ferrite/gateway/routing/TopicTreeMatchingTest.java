package dev.ferrite.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.ferrite.gateway.routing.Matches.ClientMatch;
import dev.ferrite.gateway.routing.Matches.SharedKey;
import dev.ferrite.gateway.topic.InvalidTopicException;
import dev.ferrite.gateway.topic.TopicFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which subscriptions the tree finds for a topic name, and how it merges them. */
class TopicTreeMatchingTest {

    private final TopicTree tree = new TopicTree();

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            // MQTT 5 4.7.1.2
            "sport/tennis/player1/#, sport/tennis/player1, true",
            "sport/tennis/player1/#, sport/tennis/player1/ranking, true",
            "sport/tennis/player1/#, sport/tennis/player1/score/wimbledon, true",
            "sport/#, sport, true",
            "#, sport/tennis, true",
            // MQTT 5 4.7.1.3
            "sport/tennis/+, sport/tennis/player1, true",
            "sport/tennis/+, sport/tennis/player1/ranking, false",
            "sport/+, sport, false",
            "sport/+, sport/, true",
            "+/+, /finance, true",
            "/+, /finance, true",
            "+, /finance, false",
            // MQTT 5 4.7.2
            "#, $SYS/x, false",
            "+/monitor/Clients, $SYS/monitor/Clients, false",
            "$SYS/#, $SYS/x, true",
            "$SYS/monitor/+, $SYS/monitor/Clients, true",
            // MQTT 5 4.7.3: empty levels are levels
            "a//b, a//b, true",
            "a/+/b, a//b, true",
            "a/b, a/b/, false",
            "a/b/, a/b/, true",
            "a/#, a, true",
            "/, /, true",
            "+/+, /, true",
    })
    void matchesAsTheSpecSays(String filter, String topicName, boolean matches) {
        tree.add(Subscription.of("c", filter, 1));

        assertThat(tree.match(topicName).clients().containsKey("c")).isEqualTo(matches);
    }

    @Test
    void sharedWildcardAtTheStartDoesNotMatchDollarTopicsEither() {
        tree.add(new Subscription("c", "#", "g", 1, false, false, 0, 0));

        assertThat(tree.match("$SYS/x").isEmpty()).isTrue();
        assertThat(tree.match("x").shared()).containsOnlyKeys(new SharedKey("g", "#"));
    }

    @Test
    void nothingMatchesInAnEmptyTree() {
        assertThat(tree.match("a/b")).isSameAs(Matches.NONE);
    }

    @Test
    void overlappingSubscriptionsOfOneClientMergeIntoOneEntry() {
        tree.add(new Subscription("c", "a/+", null, 0, false, false, 0, 7));
        tree.add(new Subscription("c", "a/#", null, 2, false, false, 0, 3));
        tree.add(new Subscription("c", "a/b", null, 1, false, false, 0, 0));
        tree.add(Subscription.of("other", "a/c", 2));

        Matches matches = tree.match("a/b");

        assertThat(matches.clients()).containsOnlyKeys("c");
        assertThat(matches.clients().get("c")).isEqualTo(new ClientMatch(2, List.of(3, 7), false, false));
    }

    @Test
    void subscriptionIdentifierSharedByTwoMatchingSubscriptionsIsListedOnce() {
        tree.add(new Subscription("c", "a/+", null, 0, false, false, 0, 5));
        tree.add(new Subscription("c", "a/#", null, 0, false, false, 0, 5));
        tree.add(new Subscription("c", "+/b", null, 0, false, false, 0, 2));

        assertThat(tree.match("a/b").clients().get("c").subscriptionIdentifiers()).containsExactly(2, 5);
    }

    @Test
    void noLocalOnlyWhenEveryMatchingSubscriptionSetsIt() {
        tree.add(new Subscription("both", "a/+", null, 0, true, false, 0, 0));
        tree.add(new Subscription("both", "a/#", null, 0, true, false, 0, 0));
        tree.add(new Subscription("one", "a/+", null, 0, true, false, 0, 0));
        tree.add(new Subscription("one", "a/#", null, 0, false, false, 0, 0));

        Matches matches = tree.match("a/b");

        assertThat(matches.clients().get("both").noLocal()).isTrue();
        assertThat(matches.clients().get("one").noLocal()).isFalse();
    }

    @Test
    void retainAsPublishedWhenAnyMatchingSubscriptionSetsIt() {
        tree.add(new Subscription("any", "a/+", null, 0, false, true, 0, 0));
        tree.add(new Subscription("any", "a/#", null, 0, false, false, 0, 0));
        tree.add(new Subscription("none", "a/+", null, 0, false, false, 0, 0));

        Matches matches = tree.match("a/b");

        assertThat(matches.clients().get("any").retainAsPublished()).isTrue();
        assertThat(matches.clients().get("none").retainAsPublished()).isFalse();
    }

    @Test
    void sharedSubscriptionsAreGroupedByGroupAndFilter() {
        tree.add(new Subscription("m1", "site/+/telemetry", "ingest", 1, false, false, 0, 0));
        tree.add(new Subscription("m2", "site/+/telemetry", "ingest", 0, false, false, 0, 0));
        tree.add(new Subscription("m3", "site/#", "ingest", 1, false, false, 0, 0));
        tree.add(new Subscription("m1", "site/+/telemetry", "audit", 2, false, false, 0, 0));
        tree.add(Subscription.of("m1", "site/+/telemetry", 1));

        Matches matches = tree.match("site/7/telemetry");

        assertThat(matches.shared()).containsOnlyKeys(
                new SharedKey("ingest", "site/+/telemetry"),
                new SharedKey("ingest", "site/#"),
                new SharedKey("audit", "site/+/telemetry"));
        assertThat(matches.shared().get(new SharedKey("ingest", "site/+/telemetry")))
                .extracting(Subscription::clientId).containsExactlyInAnyOrder("m1", "m2");
        assertThat(matches.shared().get(new SharedKey("ingest", "site/#")))
                .extracting(Subscription::clientId).containsExactly("m3");
        assertThat(matches.clients()).containsOnlyKeys("m1");
        assertThat(matches.clients().get("m1").qos()).isEqualTo(1);
    }

    @Test
    void subscribingAgainToTheSameFilterReplacesTheSubscription() {
        tree.add(new Subscription("c", "a/b", null, 0, true, false, 0, 5));
        tree.add(new Subscription("c", "a/b", null, 2, false, true, 0, 9));

        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.match("a/b").clients().get("c")).isEqualTo(new ClientMatch(2, List.of(9), false, true));
    }

    @Test
    void sameFilterInAnotherShareGroupIsAnotherSubscription() {
        tree.add(Subscription.of("c", "a/b", 1));
        tree.add(new Subscription("c", "a/b", "g1", 1, false, false, 0, 0));
        tree.add(new Subscription("c", "a/b", "g2", 1, false, false, 0, 0));
        tree.add(new Subscription("c", "a/b", "g2", 2, false, false, 0, 0));

        assertThat(tree.size()).isEqualTo(3);
        assertThat(tree.match("a/b").shared().get(new SharedKey("g2", "a/b")))
                .extracting(Subscription::qos).containsExactly(2);
    }

    @Test
    void popularFilterKeepsEverySubscriberAndReplacesInPlace() {
        int clients = SubscriberList.ARRAY_LIMIT * 5;
        for (int i = 0; i < clients; i++) {
            tree.add(Subscription.of("c" + i, "site/+/telemetry", 0));
        }
        tree.add(Subscription.of("c3", "site/+/telemetry", 2));

        Matches matches = tree.match("site/1/telemetry");

        assertThat(matches.clients()).hasSize(clients);
        assertThat(matches.clients().get("c3").qos()).isEqualTo(2);
        assertThat(tree.size()).isEqualTo(clients);
    }

    @Test
    void invalidFilterIsRefused() {
        assertThatThrownBy(() -> tree.add(Subscription.of("c", "a/#/b", 0)))
                .isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> tree.add(new Subscription("c", "a", "g/h", 0, false, false, 0, 0)))
                .isInstanceOf(InvalidTopicException.class);
        assertThat(tree.size()).isZero();
    }

    /** The tree must agree with the straightforward level-by-level match for any filter and name. */
    @Test
    void agreesWithTheReferenceMatcherOnRandomFiltersAndNames() {
        Random random = new Random(42);
        String[] words = {"a", "b", "", "$SYS"};
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String filter = randomTopic(random, words, true);
            filters.add(filter);
            tree.add(Subscription.of("c" + i, filter, 0));
        }
        for (int n = 0; n < 500; n++) {
            String name = randomTopic(random, words, false);
            Matches matches = tree.match(name);
            for (int i = 0; i < filters.size(); i++) {
                assertThat(matches.clients().containsKey("c" + i))
                        .as("%s matches %s", filters.get(i), name)
                        .isEqualTo(TopicFilter.parse(filters.get(i)).matches(name));
            }
        }
    }

    private static String randomTopic(Random random, String[] words, boolean wildcards) {
        int levels = 1 + random.nextInt(4);
        StringBuilder topic = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                topic.append('/');
            }
            int pick = random.nextInt(wildcards ? words.length + 2 : words.length);
            if (pick == words.length) {
                topic.append('+');
            } else if (pick == words.length + 1) {
                topic.append('#');
                break;
            } else {
                topic.append(i > 0 && words[pick].startsWith("$") ? "x" : words[pick]);
            }
        }
        return topic.isEmpty() ? "a" : topic.toString();
    }
}
