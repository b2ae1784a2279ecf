package dev.ferrite.restconventions;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Where the service is in its life: starting until Spring Boot declares it ready to take
 * traffic, stopping from the moment its context begins to close.
 */
public class ServicePhase implements ApplicationListener<ContextClosedEvent> {

    public enum Phase { STARTING, RUNNING, STOPPING }

    private final ApplicationAvailability availability;
    private final AtomicBoolean closing = new AtomicBoolean();

    public ServicePhase(ApplicationAvailability availability) {
        this.availability = availability;
    }

    public Phase current() {
        if (closing.get()) {
            return Phase.STOPPING;
        }
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? Phase.RUNNING : Phase.STARTING;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing.set(true);
    }
}
