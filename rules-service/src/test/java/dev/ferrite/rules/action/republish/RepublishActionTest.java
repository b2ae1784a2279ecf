package dev.ferrite.rules.action.republish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.ferrite.rules.action.ActionSpec;
import dev.ferrite.rules.action.InvalidActionException;
import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.bus.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepublishActionTest {

    private final List<OutboundMessage> published = new ArrayList<>();
    private final RepublishActionFactory factory = new RepublishActionFactory(message -> {
        published.add(message);
        return CompletableFuture.completedFuture(null);
    });

    @Test
    void rendersTopicPayloadAndDefaultsQosAndRetainFromTheRow() {
        RuleAction action = republish(Map.of("topic", "alerts/${clientid}", "payload", "t=${payload.temp}"));

        action.run(row("dev-1", "{\"temp\": 31}", 1L, true)).join();

        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.topic()).isEqualTo("alerts/dev-1");
            assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("t=31");
            assertThat(message.qos()).isEqualTo(1);
            assertThat(message.retain()).isTrue();
            assertThat(message.userProperties()).isEmpty();
        });
    }

    @Test
    void anEmptyPayloadTemplateSendsTheWholeRowAsJson() {
        RuleAction action = republish(Map.of("topic", "copy", "qos", 0, "retain", false));

        action.run(row("dev-2", "raw", 1L, true)).join();

        OutboundMessage message = published.get(0);
        assertThat(new String(message.payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"clientid\":\"dev-2\",\"payload\":\"raw\",\"qos\":1,\"retain\":true}");
        assertThat(message.qos()).isZero();
        assertThat(message.retain()).isFalse();
    }

    @Test
    void missingQosAndRetainFieldsMeanQos0AndNotRetained() {
        republish(Map.of("topic", "t")).run(Map.of("x", 1L)).join();

        assertThat(published.get(0).qos()).isZero();
        assertThat(published.get(0).retain()).isFalse();
    }

    @Test
    void userPropertiesComeFromAFieldHoldingAMapOrFromTemplates() {
        Map<String, Object> row = new LinkedHashMap<>(row("dev-3", "{}", 0L, false));
        row.put("user_properties", Map.of("site", "lyon"));
        republish(Map.of("topic", "t")).run(row).join();
        republish(Map.of("topic", "t", "user_properties", Map.of("from", "${clientid}"))).run(row).join();

        assertThat(published.get(0).userProperties()).containsExactly(Map.entry("site", "lyon"));
        assertThat(published.get(1).userProperties()).containsExactly(Map.entry("from", "dev-3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/+/b", "a/#", "+", "${clientid}/#", "a//b", "/a", "a/", "a/b+", "$events/x", "$internal/bridge/pubsub/x"})
    void aTopicTemplateWithAWildcardAnEmptyLevelOrAReservedPrefixIsRefusedWhenSaved(String topic) {
        assertThatThrownBy(() -> republish(Map.of("topic", topic)))
                .isInstanceOf(InvalidActionException.class)
                .hasMessageContaining("republish topic refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/+", "#", "", "x//y"})
    void aRenderedTopicWithAWildcardOrAnEmptyLevelFailsTheActionAndPublishesNothing(String clientid) {
        RuleAction action = republish(Map.of("topic", "devices/${clientid}"));

        CompletableFuture<Void> result = action.run(row(clientid, "{}", 1L, false));

        assertThat(result).isCompletedExceptionally();
        assertThat(published).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedWhenSaved() {
        assertThatThrownBy(() -> republish(Map.of())).hasMessageContaining("needs a \"topic\"");
        assertThatThrownBy(() -> republish(Map.of("topic", "t", "qos", 3))).hasMessageContaining("qos");
        assertThatThrownBy(() -> republish(Map.of("topic", "t", "qos", "q${qos}"))).hasMessageContaining("qos");
        assertThatThrownBy(() -> republish(Map.of("topic", "t", "retain", "yes"))).hasMessageContaining("retain");
        assertThatThrownBy(() -> republish(Map.of("topic", "t", "topik", "x"))).hasMessageContaining("no argument \"topik\"");
        assertThatThrownBy(() -> factory.create("r", new ActionSpec.Bridge("republish", "x")))
                .isInstanceOf(InvalidActionException.class);
    }

    @Test
    void aQosTemplateThatRendersOutOfRangeFailsTheAction() {
        RuleAction action = republish(Map.of("topic", "t", "qos", "${level}"));

        assertThatThrownBy(() -> action.run(Map.of("level", 7L))).hasMessageContaining("not 0, 1 or 2");
        assertThat(published).isEmpty();
    }

    private RuleAction republish(Map<String, Object> args) {
        return factory.create("rule-1", new ActionSpec.Function("republish", args));
    }

    private static Map<String, Object> row(String clientid, String payload, long qos, boolean retain) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("clientid", clientid);
        row.put("payload", payload);
        row.put("qos", qos);
        row.put("retain", retain);
        return row;
    }
}
