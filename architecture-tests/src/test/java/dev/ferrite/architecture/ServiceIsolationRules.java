package dev.ferrite.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Services share only contracts and libraries: no service's code may use another
 * service's, and no library may use any service's.
 */
final class ServiceIsolationRules {

    private ServiceIsolationRules() {
    }

    /** @param servicePackages the root package of each service */
    static ArchRule serviceUsesNoOtherService(String service, List<String> servicePackages) {
        String[] others = servicePackages.stream()
                .filter(other -> !other.equals(service))
                .map(other -> other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as(service + " uses no other service's code");
    }

    static ArchRule librariesUseNoService(List<String> libraryPackages, List<String> servicePackages) {
        return noClasses().that().resideInAnyPackage(withSubpackages(libraryPackages))
                .should().dependOnClassesThat().resideInAnyPackage(withSubpackages(servicePackages))
                .as("libraries and contracts use no service's code");
    }

    private static String[] withSubpackages(List<String> packages) {
        return packages.stream().map(name -> name + "..").toArray(String[]::new);
    }
}
