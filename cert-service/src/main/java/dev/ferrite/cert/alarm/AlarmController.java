package dev.ferrite.cert.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v5/alarms} in EMQX 5's shape: certificate expiry and the like. */
@RestController
@RequestMapping(path = "/api/v5/alarms", produces = "application/json")
@Tag(name = "Alarms")
public class AlarmController {

    static final int MAX_LIMIT = 1000;
    /** What EMQX shows as the end of an alarm that is still active. */
    static final String STILL_ACTIVE = "infinity";

    /** @param duration milliseconds the alarm has been (or was) active */
    public record AlarmView(String name, String message, Map<String, String> details, boolean activated,
            @JsonProperty("activate_at") String activateAt, @JsonProperty("deactivate_at") String deactivateAt,
            long duration) {
    }

    public record Page(List<AlarmView> data, Meta meta) {
        public record Meta(int page, int limit, long count) {
        }
    }

    private final Alarms alarms;
    private final Clock clock;

    public AlarmController(Alarms alarms, Clock clock) {
        this.alarms = alarms;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List alarms, newest first: active ones with activated=true, ended ones with activated=false")
    public Page list(@Parameter(description = "true: active alarms; false: ended ones; absent: all")
            @RequestParam(required = false) Boolean activated,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int limit) {
        if (page < 1 || limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be at least 1 and limit between 1 and " + MAX_LIMIT);
        }
        Instant now = clock.instant();
        List<AlarmView> data = alarms.find(activated, (page - 1) * limit, limit).stream()
                .map(alarm -> view(alarm, now)).toList();
        return new Page(data, new Page.Meta(page, limit, alarms.count(activated)));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Clear the alarms that have ended; active ones stay")
    public void clearDeactivated() {
        alarms.clearDeactivated();
    }

    private static AlarmView view(Alarm alarm, Instant now) {
        Instant end = alarm.activated() ? now : alarm.deactivateAt();
        return new AlarmView(alarm.name(), alarm.message(), alarm.details(), alarm.activated(),
                alarm.activateAt().toString(), alarm.activated() ? STILL_ACTIVE : alarm.deactivateAt().toString(),
                Math.max(0, Duration.between(alarm.activateAt(), end).toMillis()));
    }
}
