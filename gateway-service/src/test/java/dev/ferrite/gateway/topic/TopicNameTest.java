package dev.ferrite.gateway.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrite.gateway.topic.InvalidTopicException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic names of PUBLISH packets: MQTT 5 sections 3.3.2.1, 4.7.1 and 4.7.3. */
class TopicNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"sport/tennis/player1", "/finance", "a//b", "a/", "/", "$SYS/broker/load", "caf\u00e9"})
    void validNamesAreAccepted(String name) {
        assertThat(TopicName.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sport/+", "+", "sport/#", "#", "a+b", "a#b"})
    void section_3_3_2_1_wildcardsAreRejected(String name) {
        assertInvalid(name, Reason.WILDCARD_IN_NAME);
    }

    @Test
    void section_4_7_3_emptyNameIsRejected() {
        assertInvalid("", Reason.EMPTY);
    }

    @Test
    void section_1_5_4_nullCharacterIsRejected() {
        assertInvalid("a\u0000b", Reason.CONTAINS_NULL);
    }

    @Test
    void section_1_5_4_nameOver65535Utf8BytesIsRejected() {
        assertThat(TopicName.validate("\u00e9".repeat(32_767) + "a")).hasSize(32_768);
        assertInvalid("\u00e9".repeat(32_768), Reason.TOO_LONG);
    }

    @Test
    void maximumLevelsIsEnforced() {
        assertThat(TopicName.validate("site/1/device/2/telemetry", 5)).isNotNull();
        assertThatThrownBy(() -> TopicName.validate("site/1/device/2/telemetry/x", 5))
                .isInstanceOfSatisfying(InvalidTopicException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_LEVELS));
    }

    private static void assertInvalid(String name, Reason reason) {
        assertThatThrownBy(() -> TopicName.validate(name))
                .isInstanceOfSatisfying(InvalidTopicException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
