package org.collaborative.projections.rebuild;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.ProjectionRunner;
import org.collaborative.projections.infrastructure.Projector;
import org.collaborative.projections.infrastructure.ViewIndexSetup;
import org.collaborative.projections.infrastructure.ViewRegistry;
import org.collaborative.views.View;
import org.collaborative.views.rebuild.Rebuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a view from the whole event history while the live view keeps serving and advancing.
 *
 * <p>Any projections instance may claim a requested rebuild (an atomic find-and-modify in MongoDB). It reads the
 * events topic from the beginning with its own consumer, outside any consumer group, applying every event to a fresh
 * collection through the same {@link ProjectionRunner} as the live view. When it has reached the end offsets it took
 * at the start, it renames the fresh collection over the live one, then reads on to the end offsets taken after the
 * swap and applies those events to the new live collection too. The live consumer group never stops: anything it
 * wrote to the old collection during the rebuild is on the topic before the second end offsets, and the runner's
 * per-aggregate sequence check makes each event count once whoever applies it first. Finally it records in the
 * {@link ViewRegistry} whether the view holds documents, so that the {@link LostViewCheck} can tell a view that is
 * rightly empty from one that was lost.
 *
 * <p>The owner records its progress and a heartbeat every half second; a rebuild whose owner stops beating for
 * {@value #HEARTBEAT_TIMEOUT_SECONDS} s is claimed again by another instance and started afresh.
 */
@Component
public class ViewRebuilder {

    static final int HEARTBEAT_TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(ViewRebuilder.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final Map<String, Projector<?>> projectors;
    private final ProjectionRunner runner;
    private final ViewRegistry registry;
    private final ViewIndexSetup indexes;
    private final MongoTemplate mongo;
    private final ConsumerFactory<String, byte[]> consumers;
    private final ObjectMapper json;
    private final Clock clock;
    private final String topic;
    private final String owner;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ViewRebuilder(
            List<Projector<?>> projectors,
            ProjectionRunner runner,
            ViewRegistry registry,
            ViewIndexSetup indexes,
            MongoTemplate mongo,
            ConsumerFactory<String, byte[]> consumers,
            ObjectMapper eventJson,
            Clock clock,
            @Value("${collaborative.kafka.events-topic}") String topic) {
        this.projectors = projectors.stream().collect(Collectors.toMap(Projector::name, Function.identity()));
        this.runner = runner;
        this.registry = registry;
        this.indexes = indexes;
        this.mongo = mongo;
        this.consumers = consumers;
        this.json = eventJson;
        this.clock = clock;
        this.topic = topic;
        this.owner = hostName() + "/" + UUID.randomUUID();
    }

    @Scheduled(fixedDelayString = "${collaborative.projections.rebuild-poll-ms:1000}")
    void claimNext() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = clock.instant();
            Query claimable = new Query(new Criteria()
                            .orOperator(
                                    where("state").is(Rebuild.State.REQUESTED),
                                    where("state")
                                            .is(Rebuild.State.RUNNING)
                                            .and("heartbeatAt")
                                            .lt(now.minusSeconds(HEARTBEAT_TIMEOUT_SECONDS))))
                    .with(Sort.by("requestedAt"));
            Update claim = Update.update("state", Rebuild.State.RUNNING)
                    .set("owner", owner)
                    .set("startedAt", now)
                    .set("heartbeatAt", now)
                    .set("applied", 0L)
                    .set("total", 0L);
            Rebuild claimed = mongo.findAndModify(
                    claimable,
                    claim,
                    FindAndModifyOptions.options().returnNew(true),
                    Rebuild.class,
                    Rebuild.COLLECTION);
            if (claimed == null) {
                busy.set(false);
                return;
            }
            worker.execute(() -> {
                try {
                    run(claimed);
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException e) {
            busy.set(false);
            log.warn("Could not look for view rebuilds to run", e);
        }
    }

    void run(Rebuild rebuild) {
        String fresh = rebuild.view() + ".rebuild-" + rebuild.id();
        log.info("Rebuilding {} into {} ({})", rebuild.view(), fresh, rebuild.id());
        try {
            Projector<?> projector = projectors.get(rebuild.view());
            if (projector == null) {
                throw new IllegalArgumentException("There is no view called '" + rebuild.view() + "'");
            }
            dropIfPresent(fresh);
            Properties settings = new Properties();
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (Consumer<String, byte[]> consumer =
                    consumers.createConsumer(null, "rebuild-" + rebuild.view(), null, settings)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Progress progress = new Progress(rebuild.id(), count(start, end));
                readUpTo(consumer, end, projector, fresh, progress);

                swapIn(fresh, rebuild.view());
                Map<TopicPartition, Long> afterSwap = consumer.endOffsets(partitions);
                progress.total += count(end, afterSwap);
                readUpTo(consumer, afterSwap, projector, rebuild.view(), progress);
                recordWhetherItHoldsDocuments(rebuild.view());
                progress.report(true);
                mongo.updateFirst(
                        query(where("_id").is(rebuild.id()).and("owner").is(owner)),
                        Update.update("state", Rebuild.State.DONE).set("finishedAt", clock.instant()),
                        Rebuild.COLLECTION);
                log.info("Rebuilt {}: {} events read", rebuild.view(), progress.applied);
            }
        } catch (LostOwnership lost) {
            log.warn("Another instance took over the rebuild of {} ({})", rebuild.view(), rebuild.id());
            dropIfPresent(fresh);
        } catch (RuntimeException failure) {
            log.error("The rebuild of {} failed; the live view is unchanged", rebuild.view(), failure);
            dropIfPresent(fresh);
            mongo.updateFirst(
                    query(where("_id").is(rebuild.id()).and("owner").is(owner)),
                    Update.update("state", Rebuild.State.FAILED)
                            .set("finishedAt", clock.instant())
                            .set("error", String.valueOf(failure.getMessage())),
                    Rebuild.COLLECTION);
        }
    }

    /** Applies every record before {@code end} on each partition, and leaves the consumer positioned at {@code end}. */
    private void readUpTo(
            Consumer<String, byte[]> consumer,
            Map<TopicPartition, Long> end,
            Projector<?> projector,
            String collection,
            Progress progress) {
        consumer.resume(consumer.assignment());
        while (true) {
            List<TopicPartition> behind = end.keySet().stream()
                    .filter(partition -> consumer.position(partition) < end.get(partition))
                    .toList();
            if (behind.isEmpty()) {
                return;
            }
            consumer.pause(consumer.assignment().stream()
                    .filter(p -> !behind.contains(p))
                    .toList());
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<EventEnvelope> batch = new java.util.ArrayList<>(records.count());
            for (TopicPartition partition : records.partitions()) {
                long limit = end.get(partition);
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (record.offset() >= limit) {
                        consumer.seek(partition, limit);
                        break;
                    }
                    batch.add(EventEnvelope.from(record, json));
                }
            }
            applyAll(projector, batch, collection);
            progress.applied += batch.size();
            progress.report(false);
        }
    }

    /** Applies one poll's events, each document read and saved once; a failure fails the rebuild. */
    private <V extends View<V>> void applyAll(Projector<V> projector, List<EventEnvelope> batch, String collection) {
        try {
            runner.applyAll(projector, batch, collection, (viewId, event) -> {});
        } catch (ProjectionRunner.FailedAt failed) {
            throw new IllegalStateException(
                    projector.name() + ": " + failed.getCause().getMessage(), failed.getCause());
        }
    }

    private void swapIn(String fresh, String view) {
        if (mongo.collectionExists(fresh)) {
            // Swapped in with its indexes (a rename keeps them), so no reader of the new view scans it.
            indexes.ensure(fresh);
            mongo.getCollection(fresh)
                    .renameCollection(
                            new MongoNamespace(mongo.getDb().getName(), view),
                            new RenameCollectionOptions().dropTarget(true));
        } else {
            dropIfPresent(view);
            indexes.ensure(view);
        }
        log.info("Swapped the rebuilt {} in", view);
    }

    /**
     * Tells the start-up check whether the view just swapped in is rightly empty. Asked again after saying it is
     * empty, in case a live event saved a document in between (its own note that the view holds documents may have
     * come before ours).
     */
    private void recordWhetherItHoldsDocuments(String view) {
        boolean holds = mongo.exists(new Query(), view);
        registry.holdsDocuments(view, holds);
        if (!holds && mongo.exists(new Query(), view)) {
            registry.holdsDocuments(view, true);
        }
    }

    /** Dropping a collection that isn't there is an error on some servers (and noise in every log). */
    private void dropIfPresent(String collection) {
        if (mongo.collectionExists(collection)) {
            mongo.dropCollection(collection);
        }
    }

    private static long count(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<TopicPartition, Long> start = new HashMap<>(from);
        return to.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), 0L)))
                .sum();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "projections";
        }
    }

    /** Raised when another instance has claimed this rebuild because our heartbeat seemed to stop. */
    private static final class LostOwnership extends RuntimeException {
        LostOwnership() {
            super(null, null, false, false);
        }
    }

    private final class Progress {
        private final String id;
        private long applied;
        private long total;
        private Instant reported = Instant.EPOCH;

        Progress(String id, long total) {
            this.id = id;
            this.total = total;
            report(true);
        }

        void report(boolean now) {
            Instant at = clock.instant();
            if (!now && Duration.between(reported, at).compareTo(PROGRESS_EVERY) < 0) {
                return;
            }
            reported = at;
            long matched = mongo.updateFirst(
                            query(where("_id").is(id).and("owner").is(owner)),
                            Update.update("applied", applied)
                                    .set("total", total)
                                    .set("heartbeatAt", at),
                            Rebuild.COLLECTION)
                    .getMatchedCount();
            if (matched == 0) {
                throw new LostOwnership();
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
