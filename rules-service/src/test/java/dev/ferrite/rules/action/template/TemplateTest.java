package dev.ferrite.rules.action.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void placeholdersTakeTheRowsFieldsAndNestedPaths() {
        Map<String, Object> row = Map.of("clientid", "dev-1", "reading", Map.of("t", 21.5, "unit", "C"), "n", 3L);

        assertThat(Template.parse("out/${clientid}/${reading.unit}").render(row)).isEqualTo("out/dev-1/C");
        assertThat(Template.parse("${n} readings, t=${reading.t}").render(row)).isEqualTo("3 readings, t=21.5");
    }

    @Test
    void aPathThroughAStringThatHoldsJsonDecodesIt() {
        Map<String, Object> row = Map.of("payload", "{\"sensor\": {\"id\": \"s7\"}, \"v\": 1}");

        assertThat(Template.parse("sensors/${payload.sensor.id}").render(row)).isEqualTo("sensors/s7");
        assertThat(Template.parse("${payload.v}").value(row)).isEqualTo(1L);
    }

    @Test
    void missingFieldsRenderEmptyAndMapsAsJson() {
        Map<String, Object> row = Map.of("m", Map.of("a", 1L), "l", List.of(1L, 2L));

        assertThat(Template.parse("[${missing}]").render(row)).isEqualTo("[]");
        assertThat(Template.parse("${payload.x}").render(row)).isEmpty();
        assertThat(Template.parse("${m}|${l}").render(row)).isEqualTo("{\"a\":1}|[1,2]");
        assertThat(Template.parse("${missing}").value(row)).isNull();
    }

    @Test
    void aSinglePlaceholderKeepsItsValuesType() {
        Map<String, Object> row = Map.of("qos", 1L, "flag", true);

        assertThat(Template.parse("${qos}").isSinglePlaceholder()).isTrue();
        assertThat(Template.parse("${qos}").value(row)).isEqualTo(1L);
        assertThat(Template.parse("${flag}").value(row)).isEqualTo(true);
        assertThat(Template.parse("q${qos}").isSinglePlaceholder()).isFalse();
    }

    @Test
    void textWithoutPlaceholdersIsItself() {
        assertThat(Template.parse("plain/topic").render(Map.of())).isEqualTo("plain/topic");
        assertThat(Template.parse("").isEmpty()).isTrue();
    }

    @Test
    void anUnclosedOrEmptyPlaceholderIsRefused() {
        assertThatThrownBy(() -> Template.parse("a/${clientid")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> Template.parse("a/${}")).hasMessageContaining("bad placeholder");
        assertThatThrownBy(() -> Template.parse("a/${x..y}")).hasMessageContaining("bad placeholder");
    }
}
