package dev.ferrite.rules.bus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicMatchTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "a/b, a/b, true",
            "a/b, a/bc, false",
            "a/bc, a/b, false",
            "a/+, a/b, true",
            "a/+, a/, true",
            "a/+, a/b/c, false",
            "+/b, a/b, true",
            "a/#, a, true",
            "a/#, a/b/c, true",
            "a/#, ab, false",
            "#, a/b, true",
            "#, $SYS/x, false",
            "+/x, $events/x, false",
            "$events/client_connected, $events/client_connected, true",
            "sensors/+/data, sensors/s1/data, true",
            "sensors/+/data, sensors/s1/other, false",
    })
    void matchesAsMqttSays(String filter, String topic, boolean expected) {
        assertThat(TopicMatch.matches(filter, topic)).isEqualTo(expected);
    }
}
