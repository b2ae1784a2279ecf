package dev.ferrite.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.ferrite.architecture.fixture.auth.AuthInternals;
import dev.ferrite.architecture.fixture.gateway.LeakyGatewayHandler;
import org.junit.jupiter.api.Test;

/** The rules themselves catch a service reaching into another. */
class ServiceIsolationRulesTest {

    private static final List<String> FIXTURE_SERVICES = List.of(
            "dev.ferrite.architecture.fixture.gateway",
            "dev.ferrite.architecture.fixture.auth");

    @Test
    void aServiceCallingIntoAnotherBreaksTheRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(LeakyGatewayHandler.class, AuthInternals.class);

        assertThatThrownBy(() -> ServiceIsolationRules
                .serviceUsesNoOtherService("dev.ferrite.architecture.fixture.gateway", FIXTURE_SERVICES)
                .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyGatewayHandler")
                .hasMessageContaining("AuthInternals");
    }
}
