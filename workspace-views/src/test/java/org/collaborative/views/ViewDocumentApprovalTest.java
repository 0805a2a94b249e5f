package org.collaborative.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Every view's stored document is approved: it is the contract between the projections, which write it, and the
 * workspace, which reads it, and what already sits in MongoDB. Each sample is mapped as both applications map it
 * (Spring Data MongoDB's converter with the default conversions Spring Boot sets up) to the BSON document that would be
 * stored, shown as relaxed extended JSON, and read back equal. A changed field fails here: change a view's shape only
 * deliberately, together with both sides and, for documents already stored, a rebuild of the view. A new view without an
 * approved file fails: the run writes its document to {@code target/approved/} (never into the source tree), to be
 * reviewed and moved to {@code src/test/resources/approved/}.
 */
class ViewDocumentApprovalTest {

    static final Path APPROVED = Path.of("src/test/resources/approved");
    static final Path RECEIVED = Path.of("target/approved");

    static final JsonWriterSettings JSON = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED)
            .indent(true)
            .build();

    private final MappingMongoConverter converter = converter();

    @TestFactory
    Stream<DynamicTest> eachViewIsStoredAsItsApprovedDocument() {
        return ViewSamples.ALL.stream()
                .map(view -> DynamicTest.dynamicTest(view.getClass().getSimpleName(), () -> {
                    Path file = APPROVED.resolve(view.getClass().getName() + ".json");
                    Document document = new Document();
                    converter.write(view, document);
                    String json = document.toJson(JSON) + "\n";
                    Path received = RECEIVED.resolve(file.getFileName());
                    if (!Files.exists(file)) {
                        Files.createDirectories(RECEIVED);
                        Files.writeString(received, json, StandardCharsets.UTF_8);
                        fail("No approved document for " + view.getClass().getSimpleName() + ": review " + received
                                + " and move it to " + APPROVED);
                    }
                    String approved = Files.readString(file, StandardCharsets.UTF_8);
                    if (!json.equals(approved)) {
                        Files.createDirectories(RECEIVED);
                        Files.writeString(received, json, StandardCharsets.UTF_8);
                    }
                    assertThat(json)
                            .as(
                                    "%s's stored document (this run's is in %s)",
                                    view.getClass().getSimpleName(), received)
                            .isEqualTo(approved);
                    assertThat(converter.read(view.getClass(), Document.parse(json)))
                            .isEqualTo(view);
                }));
    }

    /**
     * A document of the contract is a top-level record that names its collection; the one top-level record that is
     * not stored is {@link org.collaborative.views.digest.DigestWeek}, the digest schedule's rule both applications
     * apply.
     */
    @Test
    void everyViewHasASampleAndACollection() {
        Set<String> documents = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.collaborative.views")
                        .stream()
                        .filter(JavaClass::isRecord)
                        .filter(JavaClass::isTopLevelClass)
                        .filter(type -> !type.isEquivalentTo(org.collaborative.views.digest.DigestWeek.class))
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());
        Set<String> sampled =
                ViewSamples.ALL.stream().map(view -> view.getClass().getName()).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(documents);
        List<String> collections = ViewSamples.ALL.stream()
                .map(view -> collection(view.getClass()))
                .toList();
        assertThat(collections).doesNotContainNull().doesNotHaveDuplicates();
    }

    private static String collection(Class<?> type) {
        try {
            return (String) type.getField("COLLECTION").get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
