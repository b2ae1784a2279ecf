package dev.ferrite.gateway.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrite.gateway.topic.InvalidTopicException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic filters, MQTT 5 section 4.7 (identical in 3.1.1) and 4.8.2 for shared subscriptions. */
class TopicFilterTest {

    @Nested
    class Section_4_7_1_2_MultiLevelWildcard {

        @ParameterizedTest
        @ValueSource(strings = {"#", "sport/#", "sport/tennis/#", "/#", "a//#"})
        void hashOccupyingTheLastWholeLevelIsValid(String filter) {
            assertThat(TopicFilter.parse(filter).filter()).isEqualTo(filter);
        }

        @ParameterizedTest
        @ValueSource(strings = {"sport/tennis#", "sport/tennis/#/ranking", "#/a", "##", "a/b#", "a/#/"})
        void hashAnywhereElseIsRejected(String filter) {
            assertInvalid(filter, Reason.MULTI_LEVEL_WILDCARD_NOT_LAST);
        }

        @Test
        void normativeExamples() {
            TopicFilter filter = TopicFilter.parse("sport/tennis/player1/#");
            assertThat(filter.matches("sport/tennis/player1")).isTrue();
            assertThat(filter.matches("sport/tennis/player1/ranking")).isTrue();
            assertThat(filter.matches("sport/tennis/player1/score/wimbledon")).isTrue();
            assertThat(TopicFilter.parse("sport/#").matches("sport")).isTrue();
        }
    }

    @Nested
    class Section_4_7_1_3_SingleLevelWildcard {

        @ParameterizedTest
        @ValueSource(strings = {"+", "+/tennis/#", "sport/+/player1", "+/+", "/+", "+/", "a/+/+/b"})
        void plusOccupyingAWholeLevelIsValid(String filter) {
            assertThat(TopicFilter.parse(filter).filter()).isEqualTo(filter);
        }

        @ParameterizedTest
        @ValueSource(strings = {"sport+", "sport/+tennis", "++", "a/b+/c", "+a"})
        void plusSharingALevelIsRejected(String filter) {
            assertInvalid(filter, Reason.SINGLE_LEVEL_WILDCARD_NOT_WHOLE_LEVEL);
        }

        @Test
        void normativeExamples() {
            TopicFilter sport = TopicFilter.parse("sport/tennis/+");
            assertThat(sport.matches("sport/tennis/player1")).isTrue();
            assertThat(sport.matches("sport/tennis/player2")).isTrue();
            assertThat(sport.matches("sport/tennis/player1/ranking")).isFalse();
            assertThat(TopicFilter.parse("sport/+").matches("sport")).isFalse();
            assertThat(TopicFilter.parse("sport/+").matches("sport/")).isTrue();
            assertThat(TopicFilter.parse("+/+").matches("/finance")).isTrue();
            assertThat(TopicFilter.parse("/+").matches("/finance")).isTrue();
            assertThat(TopicFilter.parse("+").matches("/finance")).isFalse();
        }
    }

    @Nested
    class Section_4_7_2_TopicsBeginningWithDollar {

        @Test
        void wildcardAtTheStartDoesNotMatchDollarTopics() {
            assertThat(TopicFilter.parse("#").matches("$SYS/x")).isFalse();
            assertThat(TopicFilter.parse("+/monitor/Clients").matches("$SYS/monitor/Clients")).isFalse();
        }

        @Test
        void filtersNamingTheDollarLevelMatch() {
            assertThat(TopicFilter.parse("$SYS/#").matches("$SYS/x")).isTrue();
            assertThat(TopicFilter.parse("$SYS/monitor/+").matches("$SYS/monitor/Clients")).isTrue();
        }
    }

    @Nested
    class Section_4_7_3_TopicSemantics {

        @ParameterizedTest
        @ValueSource(strings = {"a//b", "/a", "a/", "/", "//"})
        void emptyLevelsAreLegal(String filter) {
            assertThat(TopicFilter.parse(filter).filter()).isEqualTo(filter);
        }

        @Test
        void emptyFilterIsRejected() {
            assertInvalid("", Reason.EMPTY);
        }

        @Test
        void nullCharacterIsRejected() {
            assertInvalid("a/\u0000/b", Reason.CONTAINS_NULL);
        }

        @Test
        void filterOf65535Utf8BytesIsTheLongestAccepted() {
            assertThat(TopicFilter.parse("a".repeat(65_535)).filter()).hasSize(65_535);
            assertInvalid("a".repeat(65_536), Reason.TOO_LONG);
        }

        @Test
        void lengthIsCountedInUtf8BytesNotChars() {
            String threeBytesEach = "\u20ac".repeat(21_845);
            assertThat(TopicFilter.parse(threeBytesEach).filter()).isEqualTo(threeBytesEach);
            assertInvalid(threeBytesEach + "a", Reason.TOO_LONG);
        }

        @Test
        void unpairedSurrogateIsRejected() {
            assertInvalid("a/\uD800/b", Reason.MALFORMED_UTF16);
            assertThat(TopicFilter.parse("a/\uD83D\uDE00").filter()).isEqualTo("a/\uD83D\uDE00");
        }

        @Test
        void maximumLevelsIsEnforced() {
            assertThat(TopicFilter.parse("a/b/c", 3).filter()).isEqualTo("a/b/c");
            assertThatThrownBy(() -> TopicFilter.parse("a/b/c/d", 3))
                    .isInstanceOfSatisfying(InvalidTopicException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_LEVELS));
        }

        @Test
        void levelsAreCaseSensitiveAndMatchedExactly() {
            assertThat(TopicFilter.parse("ACCOUNTS").matches("Accounts")).isFalse();
            assertThat(TopicFilter.parse("a b/c").matches("a b/c")).isTrue();
            assertThat(TopicFilter.parse("a/b").matches("a/b/")).isFalse();
        }
    }

    @Nested
    class Section_4_8_2_SharedSubscriptions {

        @Test
        void shareGroupAndFilterAreSeparated() {
            TopicFilter shared = TopicFilter.parse("$share/consumer1/sport/tennis/+");
            assertThat(shared.shareGroup()).isEqualTo("consumer1");
            assertThat(shared.filter()).isEqualTo("sport/tennis/+");
            assertThat(shared.isShared()).isTrue();
            assertThat(shared.asWritten()).isEqualTo("$share/consumer1/sport/tennis/+");
        }

        @Test
        void filterOfASharedSubscriptionMayStartWithSlashOrBeAWildcard() {
            assertThat(TopicFilter.parse("$share/g//finance").filter()).isEqualTo("/finance");
            assertThat(TopicFilter.parse("$share/g/#").filter()).isEqualTo("#");
        }

        @ParameterizedTest
        @CsvSource({"$share//a", "$share/+/a", "$share/g+/a", "$share/#/a", "$share/g#/a", "$share/"})
        void invalidShareGroupIsRejected(String filter) {
            assertInvalid(filter, Reason.INVALID_SHARE_GROUP);
        }

        @ParameterizedTest
        @ValueSource(strings = {"$share/group", "$share/group/"})
        void missingFilterIsRejected(String filter) {
            assertInvalid(filter, Reason.EMPTY_SHARED_FILTER);
        }

        @Test
        void filterAfterTheGroupIsValidatedToo() {
            assertInvalid("$share/g/a/#/b", Reason.MULTI_LEVEL_WILDCARD_NOT_LAST);
            assertInvalid("$share/g/a+", Reason.SINGLE_LEVEL_WILDCARD_NOT_WHOLE_LEVEL);
        }

        @Test
        void dollarShareWithoutSlashIsAnOrdinaryFilter() {
            TopicFilter filter = TopicFilter.parse("$share");
            assertThat(filter.isShared()).isFalse();
            assertThat(filter.filter()).isEqualTo("$share");
        }
    }

    @Test
    void reasonIsInTheMessage() {
        assertThatThrownBy(() -> TopicFilter.parse("a/#/b"))
                .hasMessageContaining("a/#/b")
                .hasMessageContaining("'#' must occupy the last level");
    }

    private static void assertInvalid(String filter, Reason reason) {
        assertThatThrownBy(() -> TopicFilter.parse(filter))
                .isInstanceOfSatisfying(InvalidTopicException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
