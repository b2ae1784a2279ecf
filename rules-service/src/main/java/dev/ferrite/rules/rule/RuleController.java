package dev.ferrite.rules.rule;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v5/rules}: rules in EMQX 5's shape. */
@RestController
@RequestMapping(path = "/api/v5/rules", produces = "application/json")
@Tag(name = "Rules")
public class RuleController {

    private final RuleService service;

    public RuleController(RuleService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List rules, a page at a time, optionally filtered")
    public RuleJson.Page list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) Boolean enable,
            @RequestParam(name = "like_id", required = false) String likeId,
            @RequestParam(name = "like_description", required = false) String likeDescription) {
        if (page < 1 || limit < 1 || limit > 10_000) {
            throw new InvalidRuleException("page must be at least 1 and limit 1 to 10000");
        }
        List<Rule> matching = service.list().stream()
                .filter(rule -> enable == null || rule.enabled() == enable)
                .filter(rule -> likeId == null || contains(rule.id(), likeId))
                .filter(rule -> likeDescription == null || contains(rule.description(), likeDescription))
                .toList();
        long from = (long) (page - 1) * limit;
        List<RuleJson.View> data = matching.stream().skip(from).limit(limit).map(this::view).toList();
        return new RuleJson.Page(data,
                new RuleJson.Meta(page, limit, matching.size(), from + data.size() < matching.size()));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a rule; bad SQL is a 400 with its line and column")
    public RuleJson.View create(@RequestBody RuleJson.Request request) {
        return view(service.create(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rule")
    public RuleJson.View get(@PathVariable String id) {
        return view(service.get(id));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change a rule; absent fields keep their value, so {\"enable\": false} disables it")
    public RuleJson.View update(@PathVariable String id, @RequestBody RuleJson.Request request) {
        return view(service.update(id, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a rule")
    public void delete(@PathVariable String id) {
        service.delete(id);
    }

    private RuleJson.View view(Rule rule) {
        List<String> from;
        try {
            from = RuleCheck.compile(rule.sql()).from();
        } catch (InvalidRuleException e) {
            from = List.of();
        }
        return RuleJson.View.of(rule, from);
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
