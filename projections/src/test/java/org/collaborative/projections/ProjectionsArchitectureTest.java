package org.collaborative.projections;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The projections are packaged by view feature, like the app's features (ADR 30): the top-level packages under
 * {@value #PROJECTIONS} depend on one another in one direction only, derived from the package tree (a new package is
 * covered the day it appears). The app's {@code ArchitectureTest} shows the same rule failing on a deliberate cycle.
 */
class ProjectionsArchitectureTest {

    static final String PROJECTIONS = "org.collaborative.projections";

    private final JavaClasses projections = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PROJECTIONS);

    @Test
    void featuresDependOnEachOtherInOneDirectionOnly() {
        assertThat(projections.getPackage(PROJECTIONS).getSubpackages()).hasSizeGreaterThan(10);
        slices().matching(PROJECTIONS + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(projections);
    }
}
