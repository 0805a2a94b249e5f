package org.collaborative.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The published language stays plain: records and enums of JDK types, with nothing but Axon's @Revision. */
class PublishedLanguageArchitectureTest {

    private static final JavaClasses events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.collaborative.events");

    @Test
    void eventsDependOnNothingButTheJdkAndRevision() {
        classes()
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage("java..", "org.collaborative.events..")
                        .or(name("org.axonframework.serialization.Revision")))
                .check(events);
    }

    @Test
    void everyTypeIsARecordOrAnEnum() {
        classes()
                .that()
                .doNotHaveSimpleName("package-info")
                .should()
                .beRecords()
                .orShould()
                .beEnums()
                .check(events);
    }
}
