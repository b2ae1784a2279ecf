package dev.ferrite.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ServiceIsolationTest {

    static final List<String> SERVICES = List.of(
            "dev.ferrite.gateway",
            "dev.ferrite.auth",
            "dev.ferrite.rules",
            "dev.ferrite.bridge.pubsub",
            "dev.ferrite.cert");
    static final List<String> LIBRARIES = List.of(
            "dev.ferrite.contracts",
            "dev.ferrite.apikeyguard",
            "dev.ferrite.restconventions");

    private static JavaClasses ferrite;

    @BeforeAll
    static void importProductionCode() {
        ferrite = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ferrite");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceUsesNoOtherServicesCode(String service) {
        assertThat(ferrite.stream().anyMatch(type -> type.getPackageName().startsWith(service)))
                .as("classes of %s are on the test classpath", service)
                .isTrue();
        ServiceIsolationRules.serviceUsesNoOtherService(service, SERVICES).check(ferrite);
    }

    @Test
    void librariesUseNoServicesCode() {
        LIBRARIES.forEach(library -> assertThat(ferrite.stream()
                .anyMatch(type -> type.getPackageName().startsWith(library))).as(library).isTrue());
        ServiceIsolationRules.librariesUseNoService(LIBRARIES, SERVICES).check(ferrite);
    }

    @Test
    void noPackageIsAGrabBag() {
        assertThat(ferrite.stream().map(type -> type.getPackageName()).distinct())
                .noneMatch(name -> name.matches(".*\\.(common|commons|util|utils|misc|helpers?)(\\..*)?"));
    }
}
