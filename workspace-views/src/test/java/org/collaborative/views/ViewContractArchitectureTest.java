package org.collaborative.views;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.collaborative.views.search.SearchText;
import org.junit.jupiter.api.Test;

/**
 * The read-model contract stays plain: records and enums of JDK types, with Spring Data's mapping annotations and
 * Jackson's {@code @JsonIgnore}, plus the {@link View} interface (and the reflection behind its {@code with}) and the one search analyser. No MongoDB driver, no
 * Spring beans: reading and writing the documents is each application's business.
 */
class ViewContractArchitectureTest {

    private static final JavaClasses views = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.collaborative.views");

    @Test
    void viewsDependOnNothingButTheJdkAndMappingAnnotations() {
        classes()
                .that()
                .doNotHaveFullyQualifiedName(SearchText.class.getName())
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage(
                        "java..",
                        "org.collaborative.views..",
                        "org.springframework.data.annotation",
                        "com.fasterxml.jackson.annotation"))
                .check(views);
    }

    @Test
    void onlyTheSearchAnalyserUsesLucene() {
        classes()
                .that()
                .haveFullyQualifiedName(SearchText.class.getName())
                .should()
                .onlyDependOnClassesThat(
                        resideInAnyPackage("java..", "org.collaborative.views..", "org.apache.lucene.."))
                .check(views);
    }

    @Test
    void everyTypeIsARecordOrAnEnumButTheViewInterfaceItsCopierTheIndexesAndTheAnalyser() {
        classes()
                .that()
                .doNotHaveSimpleName("package-info")
                .and()
                .doNotHaveFullyQualifiedName(View.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(RecordCopies.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(ViewIndexes.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(SearchText.class.getName())
                .should()
                .beRecords()
                .orShould()
                .beEnums()
                .check(views);
    }
}
