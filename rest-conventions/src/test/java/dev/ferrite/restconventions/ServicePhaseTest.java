package dev.ferrite.restconventions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

class ServicePhaseTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final ServicePhase phase = new ServicePhase(availability);

    @Test
    void isStartingBeforeTheServiceIsReady() {
        assertThat(phase.current()).isEqualTo(ServicePhase.Phase.STARTING);
    }

    @Test
    void isRunningOnceTheServiceAcceptsTraffic() {
        readiness(ReadinessState.ACCEPTING_TRAFFIC);

        assertThat(phase.current()).isEqualTo(ServicePhase.Phase.RUNNING);
    }

    @Test
    void isStartingWhileTheServiceRefusesTraffic() {
        readiness(ReadinessState.ACCEPTING_TRAFFIC);
        readiness(ReadinessState.REFUSING_TRAFFIC);

        assertThat(phase.current()).isEqualTo(ServicePhase.Phase.STARTING);
    }

    @Test
    void isStoppingOnceTheContextCloses() {
        readiness(ReadinessState.ACCEPTING_TRAFFIC);

        phase.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

        assertThat(phase.current()).isEqualTo(ServicePhase.Phase.STOPPING);
    }

    @Test
    void staysStoppingWhateverTheReadinessSaysAfterwards() {
        phase.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

        readiness(ReadinessState.ACCEPTING_TRAFFIC);

        assertThat(phase.current()).isEqualTo(ServicePhase.Phase.STOPPING);
    }

    private void readiness(ReadinessState state) {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
    }
}
