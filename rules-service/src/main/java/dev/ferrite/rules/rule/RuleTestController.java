package dev.ferrite.rules.rule;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v5/rule_test}: EMQX's SQL tester. */
@RestController
@Tag(name = "Rules")
public class RuleTestController {

    @Schema(name = "RuleTest")
    record Request(
            @Schema(example = "SELECT payload.temp AS t FROM \"sensors/+/data\" WHERE payload.temp > 30") String sql,
            @Schema(description = "The message's or event's fields; \"event_type\" (default message_publish) names the event,"
                    + " e.g. client_connected. Fields left out get EMQX's example values.",
                    example = "{\"topic\": \"sensors/s1/data\", \"payload\": \"{\\\"temp\\\": 31}\"}")
            Map<String, Object> context) {
    }

    private final RuleTester tester;

    public RuleTestController(RuleTester tester) {
        this.tester = tester;
    }

    @PostMapping(path = "/api/v5/rule_test", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Run SQL on a sample message or event and return its output; no action runs",
            description = "412 when the context's topic is not one the rule reads or the rule keeps nothing of it.")
    public Object test(@RequestBody Request request) {
        return tester.test(request.sql(), request.context());
    }
}
