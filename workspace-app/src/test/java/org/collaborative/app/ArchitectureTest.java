package org.collaborative.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.stereotype.Controller;

/** Package by feature: a feature's web layer and its aggregates are its own; other features use its public API. */
class ArchitectureTest {

    static final String APP = "org.collaborative.app";
    static final List<String> FEATURES =
            List.of("organisation", "member", "theme", "group", "question", "live", "seed", "privacy");

    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);

    @TestFactory
    List<DynamicTest> noFeatureReachesIntoAnotherFeaturesWebLayer() {
        return FEATURES.stream()
                .map(feature -> DynamicTest.dynamicTest(
                        feature,
                        () -> noClasses()
                                .that()
                                .resideOutsideOfPackage(APP + "." + feature + "..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAPackage(APP + "." + feature + ".web..")
                                .check(app)))
                .toList();
    }

    @TestFactory
    List<DynamicTest> noFeatureUsesAnotherFeaturesAggregates() {
        return FEATURES.stream()
                .map(feature -> DynamicTest.dynamicTest(
                        feature,
                        () -> noClasses()
                                .that()
                                .resideOutsideOfPackage(APP + "." + feature + "..")
                                .should()
                                .dependOnClassesThat(resideInAPackage(APP + "." + feature + "..")
                                        .and(annotatedWith(Aggregate.class)))
                                .check(app)))
                .toList();
    }

    @Test
    void controllersLiveInWebPackagesAndArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .should()
                .resideInAPackage("..web..")
                .orShould()
                .resideInAPackage(APP + ".infrastructure..")
                .check(app);
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(app);
    }

    /** One way to send a command from the web layer, so that a refusal is shown the same on every page and API. */
    @Test
    void controllersSendCommandsThroughCommands() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .and()
                .doNotHaveFullyQualifiedName(org.collaborative.app.infrastructure.web.Commands.class.getName())
                .should()
                .dependOnClassesThat()
                .areAssignableTo(org.axonframework.commandhandling.gateway.CommandGateway.class)
                .check(app);
    }

    @Test
    void theCommandSideNeverWritesToTheViews() {
        noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.mongodb..", "org.apache.kafka..")
                .check(app);
    }
}
