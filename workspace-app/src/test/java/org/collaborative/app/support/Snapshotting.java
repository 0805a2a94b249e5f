package org.collaborative.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventsourcing.EventStreamUtils.upcastAndDeserializeDomainEvents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;

/**
 * One aggregate type run through Axon twice, command for command: once snapshotted as production snapshots it (Axon's
 * {@link EventCountSnapshotTriggerDefinition} and snapshotter, every {@value #EVERY} events here, each snapshot written
 * to bytes by {@link AggregateSnapshots#serializer()} and read back through {@link AggregateSnapshots#currentRevisionOnly()}
 * and {@link AggregateSnapshots#readable}), and once without snapshots, rebuilt from all its events for each command.
 * {@link #send} fails unless both answer alike: the same events, or the same refusal. The resources are what the
 * aggregate's handlers are given (directories, the vault), registered under their class and interfaces.
 */
public final class Snapshotting<A> implements AutoCloseable {

    public static final int EVERY = 10;

    /** What a command did: the events it recorded, or why it was refused. */
    public record Outcome(List<Object> events, String refusal) {}

    private final Class<A> type;
    private final Lane snapshotted;
    private final Lane replayed;

    public Snapshotting(Class<A> type, Object... resources) {
        this.type = type;
        this.snapshotted = new Lane(type, true, resources);
        this.replayed = new Lane(type, false, resources);
    }

    /** Sends the command to both; fails unless they answer alike. */
    public Outcome send(Object command) {
        Outcome withSnapshots = snapshotted.send(command);
        Outcome withoutSnapshots = replayed.send(command);
        assertThat(withSnapshots)
                .as("the snapshotted aggregate answers %s as the one rebuilt from its events does", command)
                .isEqualTo(withoutSnapshots);
        return withSnapshots;
    }

    /** The aggregate as loaded from its snapshot and later events. */
    public A loadedFromSnapshot(String id) {
        return snapshotted.load(type, id);
    }

    /** The aggregate as rebuilt from all its events. */
    public A rebuiltFromEvents(String id) {
        return replayed.load(type, id);
    }

    /** How many snapshots were stored, and how many were read back into an aggregate. */
    public int snapshotsStored() {
        return snapshotted.storage.stored.get();
    }

    public int snapshotsRead() {
        return snapshotted.storage.read.get();
    }

    /** The newest stored snapshot of the aggregate, as its JSON. */
    public String snapshotJson(String id) {
        return new String(snapshotted.storage.snapshots.get(id).getPayload().getData());
    }

    /** Replaces the aggregate's stored snapshot, as an older build of the application might have written it. */
    public void replaceSnapshot(String id, String revision, String json) {
        DomainEventData<byte[]> current = snapshotted.storage.snapshots.get(id);
        snapshotted.storage.snapshots.put(
                id,
                new GenericDomainEventEntry<>(
                        current.getType(),
                        id,
                        current.getSequenceNumber(),
                        current.getEventIdentifier(),
                        current.getTimestamp(),
                        current.getPayload().getType().getName(),
                        revision,
                        json.getBytes(),
                        current.getMetaData().getData()));
    }

    @Override
    public void close() {
        snapshotted.configuration.shutdown();
        replayed.configuration.shutdown();
    }

    private static final class Lane {

        final SnapshotStorage storage = new SnapshotStorage();
        final Configuration configuration;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Lane(Class<?> type, boolean snapshots, Object... resources) {
            AggregateConfigurer<?> aggregate = AggregateConfigurer.defaultConfiguration(type);
            aggregate.configureSnapshotTrigger(configuration -> snapshots
                    ? new EventCountSnapshotTriggerDefinition(configuration.snapshotter(), EVERY)
                    : NoSnapshotTriggerDefinition.INSTANCE);
            Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureEmbeddedEventStore(configuration -> storage)
                    .configureAggregate(aggregate);
            for (Object resource : resources) {
                Set<Class<?>> types = new LinkedHashSet<>(List.of(resource.getClass()));
                types.addAll(List.of(resource.getClass().getInterfaces()));
                for (Class<?> as : types) {
                    configurer.registerComponent((Class) as, configuration -> resource);
                }
            }
            configuration = configurer.buildConfiguration();
            configuration.start();
        }

        Outcome send(Object command) {
            long before = storage.count();
            try {
                configuration.commandGateway().sendAndWait(command);
            } catch (RuntimeException refused) {
                assertThat(storage.count()).isEqualTo(before);
                return new Outcome(List.of(), refused.getClass().getName() + ": " + refused.getMessage());
            }
            List<Object> events = storage.readEvents((TrackingToken) null, false)
                    .skip(before)
                    .map(EventMessage::getPayload)
                    .map(Object.class::cast)
                    .toList();
            return new Outcome(events, null);
        }

        <A> A load(Class<A> type, String id) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                return configuration.repository(type).load(id).invoke(root -> root);
            } finally {
                unitOfWork.rollback();
            }
        }
    }

    /** Events in memory; snapshots as production stores them: JSON bytes with a revision, filtered when read. */
    private static final class SnapshotStorage extends InMemoryEventStorageEngine {

        private final Serializer serializer = AggregateSnapshots.serializer();
        private final SnapshotFilter filter = AggregateSnapshots.currentRevisionOnly();
        final Map<String, DomainEventData<byte[]>> snapshots = new ConcurrentHashMap<>();
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger read = new AtomicInteger();

        long count() {
            return readEvents((TrackingToken) null, false).count();
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            SerializedObject<byte[]> payload = serializer.serialize(snapshot.getPayload(), byte[].class);
            SerializedObject<byte[]> metaData = serializer.serialize(snapshot.getMetaData(), byte[].class);
            snapshots.put(
                    snapshot.getAggregateIdentifier(),
                    new GenericDomainEventEntry<>(
                            snapshot.getType(),
                            snapshot.getAggregateIdentifier(),
                            snapshot.getSequenceNumber(),
                            snapshot.getIdentifier(),
                            snapshot.getTimestamp(),
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            payload.getData(),
                            metaData.getData()));
            stored.incrementAndGet();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            Optional<DomainEventMessage<?>> snapshot = Optional.ofNullable(snapshots.get(aggregateIdentifier))
                    .filter(filter::allow)
                    .flatMap(data -> upcastAndDeserializeDomainEvents(
                                    Stream.of(data), serializer, NoOpEventUpcaster.INSTANCE)
                            .asStream()
                            .<DomainEventMessage<?>>map(message -> message)
                            .findFirst());
            Optional<DomainEventMessage<?>> readable = AggregateSnapshots.readable(snapshot);
            readable.ifPresent(found -> read.incrementAndGet());
            return readable;
        }
    }
}
