package org.collaborative.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event's JSON is approved: it is the wire contract of collaborative.events and the form stored in the event
 * store. A changed field fails here; change it only with a new revision and an upcaster. A new event fails until its
 * file is approved: the run writes the JSON to {@code target/approved/} (never into the source tree), to be reviewed
 * and moved to {@code src/test/resources/approved/}.
 *
 * <p>The mapper settings are the ones EventJson (workspace-app) and the projections' reader use; their own tests read
 * these approved files back.
 */
class EventJsonApprovalTest {

    static final Path APPROVED = Path.of("src/test/resources/approved");
    static final Path RECEIVED = Path.of("target/approved");

    static final ObjectMapper WIRE = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The samples of every feature's events (each feature keeps its own list, so that features merge cleanly). */
    static final List<Object> SAMPLES = Stream.of(
                    EventSamples.ALL,
                    RetreatEventSamples.ALL,
                    BoardEventSamples.ALL,
                    OutputEventSamples.ALL,
                    RegistrationEventSamples.ALL)
            .flatMap(List::stream)
            .toList();

    @TestFactory
    Stream<DynamicTest> eachEventSerialisesToItsApprovedJson() {
        return SAMPLES.stream()
                .map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
                    Path file = approvedFile(event.getClass());
                    String json = WIRE.writeValueAsString(event) + "\n";
                    if (!Files.exists(file)) {
                        Path received = RECEIVED.resolve(file.getFileName());
                        Files.createDirectories(RECEIVED);
                        Files.writeString(received, json, StandardCharsets.UTF_8);
                        fail("No approved JSON for " + event.getClass().getSimpleName() + ": review " + received
                                + " and move it to " + APPROVED);
                    }
                    assertThat(json).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
                    assertThat(WIRE.readValue(json, event.getClass())).isEqualTo(event);
                }));
    }

    @Test
    void everyEventHasASampleAndARevision() {
        Set<String> events = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.collaborative.events")
                        .stream()
                        .filter(JavaClass::isRecord)
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());
        Set<String> sampled = SAMPLES.stream().map(e -> e.getClass().getName()).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(events);
        SAMPLES.forEach(event -> assertThat(event.getClass().getAnnotation(Revision.class))
                .as("@Revision on %s", event.getClass().getSimpleName())
                .isNotNull());
    }

    static Path approvedFile(Class<?> type) throws IOException {
        String revision = type.getAnnotation(Revision.class).value();
        return APPROVED.resolve(type.getName() + ".v" + revision + ".json");
    }
}
