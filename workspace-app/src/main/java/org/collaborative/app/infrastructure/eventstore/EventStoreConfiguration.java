package org.collaborative.app.infrastructure.eventstore;

import java.util.Optional;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's JPA event storage engine on PostgreSQL, with every message serialized as JSON by the same mapper that writes
 * the Kafka topic, and snapshots of long-lived aggregates in a JSON form of their own (ADR 31). The engine is declared
 * here, as Axon's JPA auto-configuration would declare it, only to give snapshots their own serializer and filter:
 * that auto-configuration would use the general serializer for them.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager) {
        return new SnapshotReadingJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(AggregateSnapshots.serializer())
                .snapshotFilter(AggregateSnapshots.currentRevisionOnly())
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager));
    }

    /**
     * Snapshots an aggregate that names this trigger once it has handled {@code collaborative.snapshots.every} events
     * since it was last loaded from a snapshot (or from its first event): loading it then reads one snapshot and fewer
     * events than that. 0 turns snapshotting off (snapshots already stored are still read; delete them to stop that).
     */
    @Bean(AggregateSnapshots.TRIGGER)
    SnapshotTriggerDefinition aggregateSnapshotTrigger(
            Snapshotter snapshotter, @Value("${collaborative.snapshots.every:100}") int every) {
        return every > 0
                ? new EventCountSnapshotTriggerDefinition(snapshotter, every)
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    /** Reads a snapshot's payload when it is read, so that one that cannot be read is dropped ({@link AggregateSnapshots#readable}). */
    static final class SnapshotReadingJpaEventStorageEngine extends JpaEventStorageEngine {

        SnapshotReadingJpaEventStorageEngine(JpaEventStorageEngine.Builder builder) {
            super(builder);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return AggregateSnapshots.readable(super.readSnapshot(aggregateIdentifier));
        }
    }
}
