package dev.ferrite.rules.rule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.ferrite.rules.action.ActionSpec;

/** The JSON shapes of {@code /api/v5/rules}, as in EMQX 5. */
final class RuleJson {

    private static final DateTimeFormatter RFC3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private RuleJson() {
    }

    /** For POST every field but {@code sql} is optional; for PUT absent fields keep their value. */
    @Schema(name = "RuleRequest")
    record Request(
            @Schema(description = "Generated when absent (POST only)", example = "temperature_alerts") String id,
            String name,
            @Schema(example = "SELECT payload.temp AS t, clientid FROM \"sensors/+/data\" WHERE payload.temp > 30") String sql,
            @ArraySchema(schema = @Schema(description = "{\"function\": \"republish\" | \"console\", \"args\": {...}}"
                    + " or \"pubsub:{bridge}\"")) List<Object> actions,
            Boolean enable,
            String description) {
    }

    @Schema(name = "Rule")
    record View(
            String id,
            String name,
            String sql,
            List<Object> actions,
            boolean enable,
            String description,
            @Schema(description = "The topic filters and $events topics of the SQL's FROM") List<String> from,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_modified_at") String lastModifiedAt) {

        static View of(Rule rule, List<String> from) {
            return new View(rule.id(), rule.name(), rule.sql(), rule.actions().stream().map(ActionSpec::toJson).toList(),
                    rule.enabled(), rule.description(), from, format(rule.createdAt()), format(rule.updatedAt()));
        }
    }

    @Schema(name = "RulePage")
    record Page(List<View> data, Meta meta) {
    }

    record Meta(int page, int limit, int count, boolean hasnext) {
    }

    static String format(Instant instant) {
        return RFC3339_MILLIS.format(instant);
    }
}
