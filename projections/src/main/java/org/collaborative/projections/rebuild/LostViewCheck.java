package org.collaborative.projections.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.collaborative.projections.infrastructure.Projector;
import org.collaborative.projections.infrastructure.ViewRegistry;
import org.collaborative.views.rebuild.Rebuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * At start, before any live consumer runs, registers each view and checks it against its consumer group: an empty
 * view whose group has committed offsets has lost what those events built (a collection dropped or restored from an
 * old backup, a swap that did not survive a restart). That is logged as an error, recorded in {@code view-registry}
 * for the admin page, and repaired by requesting a rebuild. A view that is rightly empty (its last rebuild found it
 * so, and nothing has been saved in it since) is left alone; see {@link ViewRegistry}.
 */
@Component
class LostViewCheck implements SmartLifecycle {

    static final String REQUESTED_BY = "start-up check";
    private static final Logger log = LoggerFactory.getLogger(LostViewCheck.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final List<Projector<?>> projectors;
    private final MongoTemplate mongo;
    private final ViewRegistry registry;
    private final RebuildRequests requests;
    private final KafkaAdmin kafka;
    private final String topic;
    private final String groupPrefix;
    private volatile boolean running;

    LostViewCheck(
            List<Projector<?>> projectors,
            MongoTemplate mongo,
            ViewRegistry registry,
            KafkaAdmin kafka,
            Clock clock,
            @Value("${collaborative.kafka.events-topic}") String topic,
            @Value("${collaborative.projections.group-prefix:projection.}") String groupPrefix) {
        this.projectors = projectors;
        this.mongo = mongo;
        this.registry = registry;
        this.requests = new RebuildRequests(mongo, clock);
        this.kafka = kafka;
        this.topic = topic;
        this.groupPrefix = groupPrefix;
    }

    /** Just before the listener containers, so that no live event reaches an empty view before it is checked. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
    }

    @Override
    public void start() {
        running = true;
        List<String> empty = new ArrayList<>();
        try {
            for (Projector<?> projector : projectors) {
                String view = projector.name();
                registry.register(view);
                if (mongo.exists(new Query(), view)) {
                    registry.holdsDocuments(view, true);
                } else {
                    empty.add(view);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the views at start; starting without", e);
            return;
        }
        if (empty.isEmpty()) {
            return;
        }
        Map<String, Long> read;
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            read = committed(admin, empty);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the consumer groups of the empty views {}; starting without checking them",
                    empty,
                    e);
            return;
        }
        for (String view : empty) {
            try {
                checkEmpty(view, groupPrefix + view, read.getOrDefault(view, 0L));
            } catch (RuntimeException e) {
                log.warn("Could not finish checking {} at start", view, e);
            }
        }
    }

    /** The view is empty and its group has read {@code read} events of the topic. */
    private void checkEmpty(String view, String group, long read) {
        if (read == 0) {
            registry.holdsDocuments(view, false);
            return;
        }
        if (registry.knownToHoldDocuments(view).filter(holds -> !holds).isPresent()) {
            log.info("{} is empty, as it was when it was last rebuilt; {} has read {} events", view, group, read);
            return;
        }
        registry.lost(view, group, read);
        try {
            Rebuild rebuild = requests.request(view, REQUESTED_BY);
            log.error(
                    "{} is empty, but its consumer group {} has already read {} events: the view was lost. "
                            + "Requested a rebuild ({}); until it is done, pages that read {} show nothing",
                    view,
                    group,
                    read,
                    rebuild.id(),
                    view);
        } catch (IllegalArgumentException refused) {
            log.error(
                    "{} is empty, but its consumer group {} has already read {} events: the view was lost. {}",
                    view,
                    group,
                    read,
                    refused.getMessage());
        }
    }

    /** How many events of the topic each view's group has committed, over all partitions, in one call to Kafka. */
    private Map<String, Long> committed(Admin admin, List<String> views) {
        Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
        views.forEach(view -> groups.put(groupPrefix + view, new ListConsumerGroupOffsetsSpec()));
        try {
            Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets =
                    admin.listConsumerGroupOffsets(groups).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> read = new HashMap<>();
            for (String view : views) {
                read.put(
                        view,
                        offsets.getOrDefault(groupPrefix + view, Map.of()).entrySet().stream()
                                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                                .mapToLong(entry -> entry.getValue().offset())
                                .sum());
            }
            return read;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offsets of " + groups.keySet(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the offsets of " + groups.keySet(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
