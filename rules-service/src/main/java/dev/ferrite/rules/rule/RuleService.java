package dev.ferrite.rules.rule;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import dev.ferrite.rules.action.ActionSpec;
import dev.ferrite.rules.action.InvalidActionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and removing rules. */
@Service
public class RuleService {

    private static final Logger log = LoggerFactory.getLogger(RuleService.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RuleRepository repository;
    private final RuleCheck check;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RuleService(RuleRepository repository, RuleCheck check, ApplicationEventPublisher events) {
        this.repository = repository;
        this.check = check;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    public List<Rule> list() {
        return repository.findAll();
    }

    public Rule get(String id) {
        return repository.find(id).orElseThrow(() -> new RuleNotFoundException(id));
    }

    @Transactional
    public Rule create(RuleJson.Request request) {
        String id = request.id() == null ? newId() : request.id();
        if (!ID.matcher(id).matches()) {
            throw new InvalidRuleException("id must be 1 to 255 letters, digits, '_', '.', ':' or '-', was '" + id + "'");
        }
        if (repository.find(id).isPresent()) {
            throw new InvalidRuleException("rule id already exists: '" + id + "'");
        }
        List<ActionSpec> actions = actions(request.actions() == null ? List.of() : request.actions());
        check.check(id, request.sql(), actions);
        Instant now = now();
        Rule rule = new Rule(id, orEmpty(request.name()), request.sql(), actions,
                request.enable() == null || request.enable(), orEmpty(request.description()), now, now);
        repository.insert(rule);
        log.info("Created rule '{}' ({}): {}", id, rule.enabled() ? "enabled" : "disabled", rule.sql());
        events.publishEvent(new RulesChanged(id));
        return rule;
    }

    @Transactional
    public Rule update(String id, RuleJson.Request request) {
        Rule current = get(id);
        List<ActionSpec> actions = request.actions() == null ? current.actions() : actions(request.actions());
        String sql = request.sql() == null ? current.sql() : request.sql();
        check.check(id, sql, actions);
        Rule changed = new Rule(id, request.name() == null ? current.name() : request.name(), sql, actions,
                request.enable() == null ? current.enabled() : request.enable(),
                request.description() == null ? current.description() : request.description(), current.createdAt(),
                now());
        repository.update(changed);
        log.info("Updated rule '{}' ({}): {}", id, changed.enabled() ? "enabled" : "disabled", changed.sql());
        events.publishEvent(new RulesChanged(id));
        return changed;
    }

    @Transactional
    public void delete(String id) {
        if (!repository.delete(id)) {
            throw new RuleNotFoundException(id);
        }
        log.info("Deleted rule '{}'", id);
        events.publishEvent(new RulesChanged(id));
    }

    private static List<ActionSpec> actions(List<Object> json) {
        try {
            return json.stream().map(ActionSpec::fromJson).toList();
        } catch (InvalidActionException e) {
            throw new InvalidRuleException("actions: " + e.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String newId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
