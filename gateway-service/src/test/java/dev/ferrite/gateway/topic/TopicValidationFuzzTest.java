package dev.ferrite.gateway.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the gateway's topic validators against {@link SpecTopicRules}: they must accept
 * exactly what the spec allows, split shared subscriptions the same way, and refuse everything
 * else with {@link InvalidTopicException} and nothing else.
 *
 * <p>The input's bytes are read as UTF-16 code units, two bytes each, so that any Java string
 * can occur, unpaired surrogates included (the REST API and wills hand over strings that did
 * not come through the MQTT decoder). The seeds in {@code TopicValidationFuzzTestInputs} are
 * written that way.
 */
@Tag("fuzz") // runs in the fuzz tests' own JVM (see the gateway's pom)
class TopicValidationFuzzTest {

    @FuzzTest
    void topicNamesAreAcceptedExactlyWhenTheSpecAllowsThem(byte[] input) {
        String name = utf16(input);

        if (SpecTopicRules.isValidName(name)) {
            assertThat(TopicName.validate(name)).isSameAs(name);
        } else {
            assertThatThrownBy(() -> TopicName.validate(name)).isExactlyInstanceOf(InvalidTopicException.class);
        }
    }

    @FuzzTest
    void topicFiltersAreParsedExactlyAsTheSpecReadsThem(byte[] input) {
        String written = utf16(input);
        Optional<TopicFilter> expected = SpecTopicRules.parseFilter(written);

        if (expected.isPresent()) {
            TopicFilter parsed = TopicFilter.parse(written);
            assertThat(parsed).isEqualTo(expected.get());
            assertThat(parsed.asWritten()).isEqualTo(written);
        } else {
            assertThatThrownBy(() -> TopicFilter.parse(written)).isExactlyInstanceOf(InvalidTopicException.class);
        }
    }

    private static String utf16(byte[] bytes) {
        char[] units = new char[bytes.length / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
        }
        return new String(units);
    }
}
