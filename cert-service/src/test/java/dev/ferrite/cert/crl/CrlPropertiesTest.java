package dev.ferrite.cert.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CrlPropertiesTest {

    @Test
    void defaultsToADayOfValidityCheckedEveryMinute() {
        CrlProperties properties = bind(Map.of());

        assertThat(properties.validity()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.checkInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void bindsGivenDurations() {
        CrlProperties properties = bind(Map.of("ferrite.cert.crl.validity", "7d", "ferrite.cert.crl.check-interval", "5m"));

        assertThat(properties.validity()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.checkInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCheckIntervalOfHalfTheValidityOrMoreIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("ferrite.cert.crl.validity", "1h", "ferrite.cert.crl.check-interval", "30m")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("ferrite.cert.crl.check-interval (PT30M) must be shorter than half of ferrite.cert.crl.validity"
                        + " (PT1H), or a CRL could pass its nextUpdate before it is re-signed");
    }

    @Test
    void aValidityThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("ferrite.cert.crl.validity", "0s")))
                .rootCause()
                .hasMessage("ferrite.cert.crl.validity must be a positive duration, was PT0S");
    }

    private static CrlProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("ferrite.cert.crl", CrlProperties.class);
    }
}
