package org.collaborative.app.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.bson.Document;
import org.collaborative.app.support.ViewContent;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.ProjectionRunner;
import org.collaborative.projections.infrastructure.Projector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replay and upgrade safety (issue 17): every golden sample of every event revision (workspace-events' approved JSON,
 * old revisions included) is stored as the event store holds it, read back through the application's upcasters as
 * Axon's storage engine reads it, published as the Kafka publisher writes it, read as the projections read it and
 * applied by every projector to a real MongoDB wire-protocol server. Each gives the same views as today's revision of
 * the same event (its approved sample, read straight as the projections read it); an old revision reaches today's
 * revision and keeps every value it carried.
 *
 * <p>The upcasters and projectors are found on the class path (every {@code @Component} upcaster of the application,
 * every projector), so a new one takes part without being listed here.
 */
class EventRevisionReplayTest {

    private static final Path APPROVED = Path.of("../workspace-events/src/test/resources/approved");
    private static final Instant STORED_AT = Instant.parse("2026-11-26T09:30:00Z");

    private static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private static final ObjectMapper PUBLISHED = EventJson.mapper();

    private static MongoServer server;
    private static MongoClient client;
    private static ObjectMapper projectionsRead;
    private static List<EventUpcaster> upcasterBeans;
    private static EventUpcasterChain upcasters;
    private static List<Projector<?>> projectors;
    private static MongoTemplate mongo;
    private static ProjectionRunner runner;
    private static int samples;

    @BeforeAll
    static void start() throws Exception {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "replay");
        runner = new ProjectionRunner(mongo);
        Method eventJson = Class.forName("org.collaborative.projections.infrastructure.ProjectionConfiguration")
                .getDeclaredMethod("eventJson");
        eventJson.setAccessible(true);
        projectionsRead = (ObjectMapper) eventJson.invoke(null);
        upcasterBeans = instances("org.collaborative.app", EventUpcaster.class, true);
        upcasters = new EventUpcasterChain(upcasterBeans);
        projectors = new ArrayList<>();
        for (Projector<?> projector : instances("org.collaborative.projections", Projector.class, false)) {
            projectors.add(projector);
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void theChainHoldsTheApplicationsUpcastersAndEveryProjector() throws Exception {
        // Found on the class path, so that a new upcaster or projector takes part without being listed here.
        assertThat(upcasterBeans)
                .extracting(upcaster -> upcaster.getClass().getSimpleName())
                .contains("MemberRegisteredUpcaster");
        assertThat(projectors).hasSizeGreaterThanOrEqualTo(15);
        assertThat(approved()).anyMatch(file -> !file.revision().equals(currentRevision(file.type())));
    }

    @TestFactory
    Stream<DynamicTest> everyRevisionReplaysToTheViewsOfTodaysEvent() throws Exception {
        return approved().stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.type().getSimpleName() + " revision " + file.revision(), () -> replay(file)));
    }

    private static void replay(Approved file) throws Exception {
        String today = currentRevision(file.type());
        Object replayed = throughStoreAndPublisher(file);
        Object todays = projectionsRead.readValue(
                APPROVED.resolve(file.type().getName() + ".v" + today + ".json").toFile(), file.type());

        assertThat(replayed).isInstanceOf(file.type());
        JsonNode stored = PUBLISHED.readTree(Files.readAllBytes(file.path()));
        for (RecordComponent component : file.type().getRecordComponents()) {
            if (stored.has(component.getName())) {
                assertThat(component.getAccessor().invoke(replayed))
                        .as("%s.%s after upcasting", file.type().getSimpleName(), component.getName())
                        .isEqualTo(component.getAccessor().invoke(todays));
            }
        }
        if (file.revision().equals(today)) {
            assertThat(replayed).isEqualTo(todays);
        }

        // Collections of its own for each sample, so that each is projected from empty views.
        String replayedPrefix = "sample" + samples + ".replayed";
        String todaysPrefix = "sample" + samples++ + ".today";
        EventEnvelope replayedEnvelope = envelope(file.type(), today, replayed);
        EventEnvelope todaysEnvelope = envelope(file.type(), today, todays);
        int followed = 0;
        for (Projector<?> projector : projectors) {
            Optional<String> replayedView = project(projector, replayedEnvelope, replayedPrefix);
            Optional<String> todaysView = project(projector, todaysEnvelope, todaysPrefix);
            assertThat(replayedView)
                    .as("%s: the document it changes", projector.name())
                    .isEqualTo(todaysView);
            if (todaysView.isPresent()) {
                followed++;
                List<Document> replayedDocuments =
                        ViewContent.documents(mongo.getDb(), replayedPrefix + "." + projector.name());
                List<Document> todaysDocuments =
                        ViewContent.documents(mongo.getDb(), todaysPrefix + "." + projector.name());
                assertThat(ViewContent.differences(todaysDocuments, replayedDocuments))
                        .as("%s: documents that differ from those of today's %s", projector.name(), file.type())
                        .isEmpty();
                assertThat(ViewContent.hash(replayedDocuments)).isEqualTo(ViewContent.hash(todaysDocuments));
            }
        }
        if (!file.revision().equals(today)) {
            assertThat(followed)
                    .as("an old revision of %s that no view follows says nothing about views", file.type())
                    .isPositive();
        }
    }

    /**
     * The sample as the event store holds it (payload type and revision of the file), read back through the upcasters
     * and the event serializer as the storage engine reads it, written as the Kafka publisher writes it, and read as
     * the projections read it.
     */
    private static Object throughStoreAndPublisher(Approved file) throws Exception {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Replayed",
                "aggregate-1",
                0,
                "event-1",
                STORED_AT,
                file.type().getName(),
                file.revision(),
                Files.readAllBytes(file.path()),
                "{}".getBytes());
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER)))
                .toList();
        assertThat(upcast).as("events read from one stored %s", file.type()).hasSize(1);
        IntermediateEventRepresentation read = upcast.get(0);
        assertThat(read.getType().getName()).isEqualTo(file.type().getName());
        assertThat(read.getType().getRevision())
                .as("the revision %s %s reaches", file.type().getSimpleName(), file.revision())
                .isEqualTo(currentRevision(file.type()));
        Object event = SERIALIZER.deserialize(
                new SimpleSerializedObject<>(read.getData(JsonNode.class).getData(), JsonNode.class, read.getType()));
        byte[] published = PUBLISHED.writeValueAsBytes(event);
        return projectionsRead.readValue(published, file.type());
    }

    private static EventEnvelope envelope(Class<?> type, String revision, Object payload) {
        return new EventEnvelope("event-1", type.getName(), "aggregate-1", 0, STORED_AT, revision, payload);
    }

    /** Applies the event to the view's collection under the prefix; says which document it changed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<String> project(Projector projector, EventEnvelope event, String prefix) {
        try {
            return runner.apply(projector, event, prefix + "." + projector.name());
        } catch (RuntimeException refused) {
            // A projector may refuse an event whose view does not exist yet; today's event must be refused alike.
            return Optional.of("refused: " + refused.getClass().getName());
        }
    }

    private record Approved(Path path, Class<?> type, String revision) {}

    private static List<Approved> approved() throws Exception {
        List<Approved> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(APPROVED)) {
            Iterator<Path> paths = listed.sorted().iterator();
            while (paths.hasNext()) {
                Path path = paths.next();
                String name = path.getFileName().toString();
                if (!name.endsWith(".json")) {
                    continue;
                }
                int at = name.lastIndexOf(".v");
                files.add(new Approved(
                        path, Class.forName(name.substring(0, at)), name.substring(at + 2, name.length() - 5)));
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static String currentRevision(Class<?> type) {
        return type.getAnnotation(Revision.class).value();
    }

    /** One instance of each concrete class of the package that is a {@code type}, made with its no-argument constructor. */
    private static <T> List<T> instances(String inPackage, Class<T> type, boolean componentsOnly) throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(type));
        if (componentsOnly) {
            scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        }
        List<T> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(inPackage)) {
            Class<?> type1 = Class.forName(candidate.getBeanClassName());
            if (!type.isAssignableFrom(type1) || componentsOnly && !type1.isAnnotationPresent(Component.class)) {
                continue;
            }
            Constructor<?> constructor = type1.getDeclaredConstructor();
            constructor.setAccessible(true);
            found.add(type.cast(constructor.newInstance()));
        }
        return found;
    }
}
