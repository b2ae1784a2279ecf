package dev.ferrite.cert.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** Raises and ends alarms; whoever watches a condition calls {@link #activate} while it holds and {@link #deactivate} once it ends. */
@Service
public class Alarms {

    private static final Logger log = LoggerFactory.getLogger(Alarms.class);

    private final AlarmRepository repository;
    private final Clock clock;

    public Alarms(AlarmRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Makes sure an alarm of this name is active with these details. Idempotent; when the active
     * one has other details (another certificate, say), that one ends and a new one begins.
     */
    public synchronized void activate(String name, String message, Map<String, String> details) {
        Optional<Alarm> active = repository.findActive(name);
        if (active.isPresent() && active.get().details().equals(details)) {
            return;
        }
        Instant now = clock.instant();
        active.ifPresent(alarm -> repository.deactivate(alarm.id(), now));
        repository.insert(name, message, details, now);
        log.warn("Alarm {}: {}", name, message);
    }

    /** Ends the active alarm of this name, if there is one. */
    public synchronized void deactivate(String name) {
        repository.findActive(name).ifPresent(alarm -> {
            repository.deactivate(alarm.id(), clock.instant());
            log.info("Alarm {} ended", name);
        });
    }

    /** The names of the active alarms that start with {@code prefix}. */
    public List<String> activeNames(String prefix) {
        return repository.findActiveNamed(prefix).stream().map(Alarm::name).toList();
    }

    public List<Alarm> find(Boolean activated, int offset, int limit) {
        return repository.find(activated, offset, limit);
    }

    public long count(Boolean activated) {
        return repository.count(activated);
    }

    /** Deletes the alarms that have ended; the active ones stay. */
    public synchronized int clearDeactivated() {
        return repository.deleteDeactivated();
    }
}
