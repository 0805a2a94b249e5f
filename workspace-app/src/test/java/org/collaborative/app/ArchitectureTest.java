package org.collaborative.app;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * Package by feature, in two layers (ADR 30). Each top-level package under {@value #APP} is a feature (its aggregates,
 * commands, rules and the views it reads), and the features depend on one another in one direction only: the rule
 * below is derived from the package tree, so a new feature is covered the day it is added. The pages and APIs sit in
 * {@value #WEB}, one package per feature, on top: a page may read any feature below it, nothing below reads a page, and
 * no feature's pages use another's.
 */
class ArchitectureTest {

    static final String APP = "org.collaborative.app";
    static final String WEB = APP + ".web";

    static final JavaClasses APP_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);

    /** Features (and the web layer, as one) never depend on one another in a loop. */
    static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    @Test
    void featuresDependOnEachOtherInOneDirectionOnly() {
        featuresAreFreeOfCycles(APP).check(APP_CLASSES);
    }

    @Test
    void theRuleFindsADeliberateCycle() {
        JavaClasses cycle = new ClassFileImporter().importPackages(APP + ".architecture.cycle");
        assertThat(cycle.size()).isEqualTo(2);
        assertThatThrownBy(() ->
                        featuresAreFreeOfCycles(APP + ".architecture.cycle").check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void everyFeatureIsCovered() {
        List<String> features = APP_CLASSES.getPackage(APP).getSubpackages().stream()
                .map(JavaPackage::getRelativeName)
                .sorted()
                .toList();
        assertThat(features).contains("account", "kernel", "member", "practice", "retreat", "web");
        assertThat(APP_CLASSES.getPackage(WEB).getSubpackages()).hasSizeGreaterThan(20);
    }

    @Test
    void nothingBelowTheWebLayerDependsOnIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage(WEB + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(WEB + "..")
                .check(APP_CLASSES);
    }

    @Test
    void noFeaturesPagesUseAnotherFeaturesPages() {
        slices().matching(WEB + ".(*)..")
                .namingSlices("pages of $1")
                .should()
                .notDependOnEachOther()
                .check(APP_CLASSES);
    }

    /**
     * A feature's aggregates are its own and its pages': other features send it commands or read its views. (A page
     * may ask its feature's aggregate a rule, such as who may revise, to offer only what will be accepted.)
     */
    @Test
    void noFeatureUsesAnotherFeaturesAggregates() {
        List<String> violations = new ArrayList<>();
        for (JavaClass aggregate : APP_CLASSES.that(annotatedWith(Aggregate.class))) {
            String feature = aggregate.getPackageName();
            String pages = WEB + feature.substring(APP.length());
            violations.addAll(noClasses()
                    .that()
                    .resideOutsideOfPackages(feature + "..", pages + "..")
                    .should()
                    .dependOnClassesThat()
                    .belongToAnyOf(aggregate.reflect())
                    .evaluate(APP_CLASSES)
                    .getFailureReport()
                    .getDetails());
        }
        assertThat(violations).isEmpty();
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
                .check(APP_CLASSES);
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(APP_CLASSES);
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
                .check(APP_CLASSES);
    }

    @Test
    void theCommandSideNeverWritesToTheViews() {
        noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.mongodb..", "org.apache.kafka..")
                .check(APP_CLASSES);
    }
}
