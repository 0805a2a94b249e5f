package org.collaborative.app.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;

/**
 * The snapshot form (ADR 31): every field of an aggregate, whatever its visibility, round-trips; and a snapshot's
 * revision follows the aggregate's shape, so that a snapshot of an older shape is never read into a newer one.
 */
class AggregateSnapshotsTest {

    /** An aggregate's kind of state: private fields, final collections, no accessors, a protected constructor. */
    static class Shape {
        private String name;
        private boolean archived;
        private final Set<String> members = new HashSet<>();
        private final Map<String, Actor> requests = new HashMap<>();

        protected Shape() {}
    }

    static class SameShape {
        private String name;
        private boolean archived;
        private final Set<String> members = new HashSet<>();
        private final Map<String, Actor> requests = new HashMap<>();
    }

    static class FieldAdded {
        private String name;
        private boolean archived;
        private final Set<String> members = new HashSet<>();
        private final Map<String, Actor> requests = new HashMap<>();
        private final Set<String> invited = new HashSet<>();
    }

    static class FieldRetyped {
        private String name;
        private boolean archived;
        private final List<String> members = List.of();
        private final Map<String, Actor> requests = new HashMap<>();
    }

    @Revision("2")
    static class SameShapeNewMeaning {
        private String name;
        private boolean archived;
        private final Set<String> members = new HashSet<>();
        private final Map<String, Actor> requests = new HashMap<>();
    }

    @Test
    void everyFieldRoundTripsWhateverItsVisibility() {
        Shape shape = new Shape();
        shape.name = "Retrofit";
        shape.archived = true;
        shape.members.addAll(Set.of("tom", "priya"));
        shape.requests.put("ben", new Actor("ben", "partner-bt", MemberRole.PARTNER));
        Serializer serializer = AggregateSnapshots.serializer();

        SerializedObject<byte[]> written = serializer.serialize(shape, byte[].class);
        Shape read = serializer.deserialize(written);

        assertThat(new String(written.getData())).contains("Retrofit", "priya", "partner-bt", "PARTNER");
        assertThat(read).usingRecursiveComparison().isEqualTo(shape);
        assertThat(written.getType().getRevision()).isEqualTo(AggregateSnapshots.revisionOf(Shape.class));
    }

    @Test
    void theRevisionChangesWithTheShapeAndWithTheDeclaredRevisionOnly() {
        String shape = AggregateSnapshots.revisionOf(Shape.class);
        assertThat(shape).matches("0/[0-9a-f]{8}");
        assertThat(AggregateSnapshots.revisionOf(SameShape.class)).isEqualTo(shape);
        assertThat(AggregateSnapshots.revisionOf(FieldAdded.class)).isNotEqualTo(shape);
        assertThat(AggregateSnapshots.revisionOf(FieldRetyped.class)).isNotEqualTo(shape);
        assertThat(AggregateSnapshots.revisionOf(SameShapeNewMeaning.class))
                .startsWith("2/")
                .isNotEqualTo(shape);
    }

    @Test
    void theShapeReachesIntoOurTypesHeldByTheAggregate() {
        assertThat(AggregateSnapshots.shape(Shape.class))
                .contains(
                        ".requests: java.util.Map<java.lang.String, org.collaborative.app.kernel.Actor>",
                        "org.collaborative.app.kernel.Actor.memberId: java.lang.String",
                        "org.collaborative.events.member.MemberRole = "
                                + java.util.Arrays.toString(MemberRole.values()));
    }

    @Test
    void aSnapshotOfAnotherRevisionOrOfAVanishedTypeIsDropped() {
        String current = AggregateSnapshots.revisionOf(Shape.class);
        assertThat(AggregateSnapshots.currentRevisionOnly().allow(stored(Shape.class.getName(), current)))
                .isTrue();
        assertThat(AggregateSnapshots.currentRevisionOnly().allow(stored(Shape.class.getName(), "0/00000000")))
                .isFalse();
        assertThat(AggregateSnapshots.currentRevisionOnly()
                        .allow(stored("org.collaborative.app.gone.Aggregate", current)))
                .isFalse();
    }

    /** Each snapshotted aggregate declares a revision, for changes of meaning that keep the shape. */
    @Test
    void everySnapshottedAggregateDeclaresARevision() {
        List<Class<?>> snapshotted = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("org.collaborative.app").stream()
                        .filter(type -> type.isAnnotatedWith(Aggregate.class))
                        .filter(type -> type.getAnnotationOfType(Aggregate.class)
                                .snapshotTriggerDefinition()
                                .equals(AggregateSnapshots.TRIGGER))
                        .<Class<?>>map(type -> type.reflect())
                        .toList();
        assertThat(snapshotted)
                .extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder(
                        "Board", "NotificationPreferences", "Practice", "Question", "Retreat", "WorkingGroup");
        assertThat(snapshotted)
                .allSatisfy(type -> assertThat(type.getAnnotation(Revision.class))
                        .as("@Revision on %s", type.getSimpleName())
                        .isNotNull());
    }

    private static org.axonframework.eventhandling.DomainEventData<byte[]> stored(String type, String revision) {
        SimpleSerializedObject<byte[]> payload =
                new SimpleSerializedObject<>(new byte[0], byte[].class, type, revision);
        return new org.axonframework.eventhandling.GenericDomainEventEntry<>(
                "Shape",
                "id",
                5,
                "event-id",
                "2026-12-07T10:00:00Z",
                payload.getType().getName(),
                revision,
                payload.getData(),
                new byte[0]);
    }
}
