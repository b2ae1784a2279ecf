package dev.ferrite.gateway.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SysPropertiesTest {

    @Test
    void zeroTurnsTheTopicsOff() {
        assertThat(new SysProperties(Duration.ZERO).enabled()).isFalse();
        assertThat(new SysProperties(Duration.ofMinutes(1)).enabled()).isTrue();
    }

    @Test
    void aNegativeIntervalNamesTheProperty() {
        assertThatThrownBy(() -> new SysProperties(Duration.ofSeconds(-1)))
                .hasMessage("ferrite.gateway.sys-interval must be 0 (off) or positive, was PT-1S");
    }
}
