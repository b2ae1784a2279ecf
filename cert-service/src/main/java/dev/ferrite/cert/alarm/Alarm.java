package dev.ferrite.cert.alarm;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A condition that needs an operator's attention, as EMQX 5 reports them: active until the
 * condition ends, then kept, deactivated, until cleared.
 *
 * @param name what and where, e.g. {@code bundle_expiring/mqtt-tls}; at most one active alarm per name
 * @param details facts about the condition; an alarm whose details change is a new alarm
 * @param deactivateAt null while active
 */
public record Alarm(long id, String name, String message, Map<String, String> details, boolean activated,
        Instant activateAt, Instant deactivateAt) {

    public Alarm {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
