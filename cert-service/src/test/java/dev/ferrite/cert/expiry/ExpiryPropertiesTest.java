package dev.ferrite.cert.expiry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.ferrite.cert.bundle.BundleProperties;
import org.junit.jupiter.api.Test;

class ExpiryPropertiesTest {

    @Test
    void aWarningThatIsNotPositiveIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new ExpiryProperties(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ferrite.cert.expiry-warning must be a positive duration, was PT0S");
    }

    @Test
    void aCheckIntervalUnderASecondIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new ExpiryProperties(Duration.ofDays(30), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ferrite.cert.expiry-check-interval must be at least 1s, was PT0.01S");
    }

    @Test
    void anAutoRotationTimeThatIsNotPositiveIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new BundleProperties(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ferrite.cert.bundle.auto-rotate-before must be a positive duration");
    }
}
