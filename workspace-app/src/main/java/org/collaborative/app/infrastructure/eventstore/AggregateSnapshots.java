package org.collaborative.app.infrastructure.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Snapshots of long-lived aggregates (ADR 31). A snapshot is the aggregate object itself, written as JSON by a mapper of
 * its own: every field, whatever its visibility, and no getters or setters (the aggregates have private fields and no
 * Jackson annotations; the event mapper, {@link EventJson}, would write them as {@code {}}). Only snapshots use it:
 * events, tokens and messages keep {@link EventJson}.
 *
 * <p>A snapshot's revision is the aggregate's {@link Revision} (bumped by hand when the meaning of its state changes)
 * and a fingerprint of its shape: the names and types of its fields and of our classes inside them, and our enums'
 * constants. Any change of shape therefore gives a new revision without anyone having to remember it;
 * {@link #currentRevisionOnly()} drops a snapshot of another revision, and {@link #readable} drops one that cannot be
 * read, and the aggregate is rebuilt from its events. Snapshots are derived data: deleting them all is always safe.
 */
public final class AggregateSnapshots {

    /**
     * The bean name of the snapshot trigger: an aggregate is snapshotted by naming it,
     * {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)}, with a {@code @Revision}.
     */
    public static final String TRIGGER = "aggregateSnapshotTrigger";

    /** Our classes: only their fields make up a shape (the JDK's and libraries' types are taken by name). */
    private static final String OURS = "org.collaborative.";

    private static final Map<Class<?>, String> REVISIONS = new ConcurrentHashMap<>();

    private AggregateSnapshots() {}

    /** The JSON form of snapshots: fields, not properties; unknown fields are an error (the snapshot is dropped). */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, Visibility.ANY);
    }

    /** The serializer for snapshots only: {@link #mapper()}, with {@link #revisionOf} as the revision of each type. */
    public static Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(mapper())
                .revisionResolver(revisions())
                .build();
    }

    public static RevisionResolver revisions() {
        return AggregateSnapshots::revisionOf;
    }

    /**
     * Accepts a stored snapshot only if its revision is the one its type has in this build, so that a snapshot of an
     * aggregate's old shape is never read into the new one. A snapshot of a type that no longer exists is dropped too.
     */
    public static SnapshotFilter currentRevisionOnly() {
        return new SnapshotFilter() {
            @Override
            public boolean test(DomainEventData<?> snapshot) {
                Class<?> type;
                try {
                    type = Class.forName(
                            snapshot.getPayload().getType().getName(),
                            false,
                            AggregateSnapshots.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError gone) {
                    return false;
                }
                return Objects.equals(
                        revisionOf(type), snapshot.getPayload().getType().getRevision());
            }
        };
    }

    /**
     * Reads a snapshot's payload now rather than when the aggregate is built from it, so that a snapshot that cannot be
     * read fails here, where the event store catches the failure, logs it and rebuilds the aggregate from its events.
     */
    public static Optional<DomainEventMessage<?>> readable(Optional<DomainEventMessage<?>> snapshot) {
        snapshot.ifPresent(DomainEventMessage::getPayload);
        return snapshot;
    }

    /**
     * {@code <@Revision>/<shape>}: the declared revision ("0" without one) and eight hex digits of a SHA-256 of the
     * type's shape. Only our own types are revised; others have none (as with Axon's annotation resolver).
     */
    public static String revisionOf(Class<?> type) {
        if (!type.getName().startsWith(OURS)) {
            Revision declared = type.getAnnotation(Revision.class);
            return declared == null ? null : declared.value();
        }
        return REVISIONS.computeIfAbsent(type, AggregateSnapshots::computeRevision);
    }

    private static String computeRevision(Class<?> type) {
        Revision declared = type.getAnnotation(Revision.class);
        String shape = String.join("\n", shape(type));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8));
            return (declared == null ? "0" : declared.value()) + "/"
                    + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One line per field of the type and of every one of our types reachable through its fields (superclasses, element
     * types, map values, records), and one per enum of ours with its constants; sorted, so the order in which the JVM
     * lists fields does not matter.
     */
    static List<String> shape(Class<?> root) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Class<?>> toVisit = new ArrayList<>(List.of(root));
        List<String> lines = new ArrayList<>();
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.remove(toVisit.size() - 1);
            if (!seen.add(type)) {
                continue;
            }
            if (type.isEnum()) {
                lines.add(type.getName() + " = " + Arrays.toString(type.getEnumConstants()));
                continue;
            }
            for (Class<?> c = type; c != null && c.getName().startsWith(OURS); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                        continue;
                    }
                    // The root's own fields by name alone: the shape is what it holds, not what it is called.
                    lines.add((c == root ? "" : c.getName()) + "." + field.getName() + ": "
                            + field.getGenericType().getTypeName());
                    ours(field.getGenericType(), toVisit);
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static void ours(Type type, List<Class<?>> toVisit) {
        if (type instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            if (element.getName().startsWith(OURS)) {
                toVisit.add(element);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            ours(parameterized.getRawType(), toVisit);
            for (Type argument : parameterized.getActualTypeArguments()) {
                ours(argument, toVisit);
            }
        }
    }
}
