package org.collaborative.projections.infrastructure.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.collaborative.projections.infrastructure.Projector;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.parking.ParkedRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The projections' figures, read from Kafka and MongoDB themselves so that every instance reports the same truth:
 * <ul>
 *   <li>{@code collaborative.view.lag.events{view}}: events on the topic that the view's consumer group has not yet
 *       committed (all partitions; a group that has never committed counts the whole topic);
 *   <li>{@code collaborative.parked.events{side="projections",view}}: records the view has parked (ADR 27), those that
 *       failed and those waiting behind them, from {@code parked-records};
 *   <li>{@code collaborative.dead.lettered.events}: records on the dead-letter topic, where versions before the
 *       projections parked records sent those no view could apply (nothing is sent there now; the topic keeps them);
 *   <li>{@code collaborative.digests{state}}: weekly digests by state (composing, ready, sent, kept, empty...).
 * </ul>
 * A figure that cannot be read right now (a broker away) is reported as NaN, not as zero. One scrape evaluates every
 * gauge; they share one reading, at most five seconds old, so a scrape costs a few calls, not a few per view.
 */
@Component
class ProjectionMetrics implements MeterBinder, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final AdminClient admin;
    private final List<Projector<?>> projectors;
    private final MongoTemplate mongo;
    private final String eventsTopic;
    private final String deadLetterTopic;
    private final String groupPrefix;

    ProjectionMetrics(
            KafkaAdmin kafkaAdmin,
            List<Projector<?>> projectors,
            MongoTemplate mongo,
            @Value("${collaborative.kafka.events-topic}") String eventsTopic,
            @Value("${collaborative.kafka.dead-letter-topic}") String deadLetterTopic,
            @Value("${collaborative.projections.group-prefix:projection.}") String groupPrefix) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.projectors = projectors;
        this.mongo = mongo;
        this.eventsTopic = eventsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.groupPrefix = groupPrefix;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Projector<?> projector : projectors) {
            String group = groupPrefix + projector.name();
            Gauge.builder("collaborative.view.lag.events", () -> snapshot().lag(group))
                    .description("Events on the topic not yet applied to the view")
                    .tag("view", projector.name())
                    .register(registry);
        }
        for (Projector<?> projector : projectors) {
            Gauge.builder("collaborative.parked.events", () -> snapshot().parked(projector.name()))
                    .description("Events parked: set aside with their error, or waiting behind one of their aggregate")
                    .tag("side", "projections")
                    .tag("view", projector.name())
                    .register(registry);
        }
        Gauge.builder("collaborative.dead.lettered.events", () -> snapshot().deadLettered())
                .description("Records set aside on the dead-letter topic")
                .register(registry);
        for (String state : DIGEST_STATES) {
            Gauge.builder("collaborative.digests", () -> snapshot().digests(state))
                    .description("Weekly digests by state")
                    .tag("state", state.toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    /** What one scrape reports, read once for all its gauges: they are evaluated one after another within a scrape. */
    record Snapshot(
            Instant at,
            Map<String, Long> lagByGroup,
            double deadLettered,
            Map<String, Long> digestsByState,
            Map<String, Long> parkedByView) {

        double lag(String group) {
            Long lag = lagByGroup == null ? null : lagByGroup.get(group);
            return lag == null ? Double.NaN : lag;
        }

        double digests(String state) {
            return digestsByState.getOrDefault(state, 0L);
        }

        double parked(String view) {
            Long parked = parkedByView == null ? null : parkedByView.get(view);
            return parked == null ? Double.NaN : parked;
        }
    }

    private static final Duration FRESH = Duration.ofSeconds(5);
    private static final List<String> DIGEST_STATES =
            List.of("COMPOSING", "READY", "SENDING", "SENT", "KEPT", "EMPTY", "PREVIEW", "FAILED");

    private volatile Snapshot snapshot;

    synchronized Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || current.at().plus(FRESH).isBefore(Instant.now())) {
            current = read();
            snapshot = current;
        }
        return current;
    }

    /**
     * Kafka is asked three things in all (the events topic's end offsets, every view group's committed offsets in one
     * call, the dead-letter topic's end offsets) and MongoDB one count per digest state and per view; a part that cannot
     * be read is NaN.
     */
    private Snapshot read() {
        Map<String, Long> lag = null;
        try {
            Map<TopicPartition, Long> ends = endOffsets(eventsTopic);
            Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
            projectors.forEach(
                    projector -> groups.put(groupPrefix + projector.name(), new ListConsumerGroupOffsetsSpec()));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                    admin.listConsumerGroupOffsets(groups).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lag = new HashMap<>();
            for (String group : groups.keySet()) {
                Map<TopicPartition, OffsetAndMetadata> read = committed.getOrDefault(group, Map.of());
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata at = read.get(end.getKey());
                    behind += end.getValue() - (at == null ? 0 : at.offset());
                }
                lag.put(group, behind);
            }
        } catch (Exception e) {
            interruptedAgain(e);
        }
        double deadLettered;
        try {
            deadLettered = endOffsets(deadLetterTopic).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        } catch (RuntimeException e) {
            deadLettered = Double.NaN;
        }
        // One count per state, each served by the (state, sendingAt) index: a $group over the whole collection would
        // read every digest ever made at every scrape.
        Map<String, Long> digests = new HashMap<>();
        for (String state : DIGEST_STATES) {
            digests.put(
                    state,
                    mongo.getCollection(Digest.COLLECTION).countDocuments(new org.bson.Document("state", state)));
        }
        // One count per view, served by the (view, partition, key, offset) index.
        Map<String, Long> parked = new HashMap<>();
        try {
            for (Projector<?> projector : projectors) {
                parked.put(
                        projector.name(),
                        mongo.getCollection(ParkedRecord.COLLECTION)
                                .countDocuments(new org.bson.Document("view", projector.name())));
            }
        } catch (RuntimeException e) {
            parked = null;
        }
        return new Snapshot(Instant.now(), lag, deadLettered, digests, parked);
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found =
                    admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            found.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (Exception e) {
            interruptedAgain(e);
            throw new IllegalStateException("Could not read the end offsets of " + topic, e);
        }
    }

    private static void interruptedAgain(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
