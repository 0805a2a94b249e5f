package org.collaborative.projections.infrastructure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.collaborative.views.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies events to a view: read each document the events concern once, skip redelivered events, apply the rest in
 * order, save each document once with an optimistic version check (two partitions, or two instances during a
 * rebalance, may touch the same document at once; the loser reads it again and re-applies its events).
 *
 * <p>A batch (one Kafka poll) touches each document once however many of its events it holds: catching up a long
 * history no longer reads and rewrites a group's page once per question.
 */
@Component
public class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final int MAX_CONFLICTS = 50;

    private final MongoTemplate mongo;

    public ProjectionRunner(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies the event to the document it concerns, unless the view does not follow it or already has it; returns
     * the id of the document it changed.
     */
    public <V extends View<V>> Optional<String> apply(Projector<V> projector, EventEnvelope event) {
        return apply(projector, event, projector.name());
    }

    /** The same, into another collection: a rebuild writes a fresh copy of the view before it is swapped in. */
    public <V extends View<V>> Optional<String> apply(Projector<V> projector, EventEnvelope event, String collection) {
        List<String> changed = new ArrayList<>();
        try {
            applyAll(projector, List.of(event), collection, (viewId, applied) -> changed.add(viewId));
        } catch (FailedAt failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        return changed.stream().findFirst();
    }

    /**
     * Applies the events, in order, to the documents of {@code collection} they concern, and calls {@code changed}
     * with each document id and event once that document is saved.
     *
     * <p>If an event cannot be applied, or a document cannot be saved, this throws {@link FailedAt} with the position
     * of the first event that may not be stored: every event before it is (each document is saved in the order of
     * its first event, and documents hold only events before the one that failed), so the caller can commit up to
     * there and hand the rest back. Events after it that did reach a document are skipped when they come again.
     */
    public <V extends View<V>> void applyAll(
            Projector<V> projector,
            List<EventEnvelope> events,
            String collection,
            BiConsumer<String, EventEnvelope> changed) {
        Map<String, Document<V>> documents = new LinkedHashMap<>();
        FailedAt failure = null;
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            try {
                Optional<String> viewId = projector.viewId(event);
                if (viewId.isEmpty()) {
                    continue;
                }
                int first = i;
                documents
                        .computeIfAbsent(viewId.get(), id -> new Document<>(projector, id, first))
                        .load(mongo, collection)
                        .take(event);
            } catch (RuntimeException e) {
                failure = new FailedAt(i, e);
                break;
            }
        }
        for (Document<V> document : documents.values()) {
            if (document.taken.isEmpty()) {
                continue;
            }
            try {
                for (EventEnvelope event : save(document, collection)) {
                    changed.accept(document.id, event);
                }
            } catch (RuntimeException e) {
                throw new FailedAt(document.firstEvent, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Saves the document; on a conflict reads it again and re-applies. Returns the events it holds because of us. */
    private <V extends View<V>> List<EventEnvelope> save(Document<V> document, String collection) {
        for (int attempt = 1; attempt <= MAX_CONFLICTS; attempt++) {
            if (document.applied.isEmpty()) {
                return List.of();
            }
            try {
                mongo.save(document.view.appliedUpTo(document.appliedSequences), collection);
                return document.applied;
            } catch (OptimisticLockingFailureException | DuplicateKeyException conflict) {
                log.debug("{} {} changed under us; reading it again", document.projector.name(), document.id);
                backOff(attempt);
                document.reload(mongo, collection);
            }
        }
        throw new IllegalStateException(document.projector.name() + " " + document.id + " kept changing; gave up after "
                + MAX_CONFLICTS + " attempts");
    }

    /** A random pause that grows with each conflict, so that racing writers stop colliding in step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while applying an event", e);
        }
    }

    /** One document while a batch is applied to it: the events it was given, and those it took. */
    private static final class Document<V extends View<V>> {

        final Projector<V> projector;
        final String id;
        /** The position in the batch of the first event that concerns this document. */
        final int firstEvent;
        /** Every event of the batch for this document, in order, redelivered ones included. */
        final List<EventEnvelope> taken = new ArrayList<>();
        /** Those applied to the copy in hand (the rest it already had). */
        List<EventEnvelope> applied = new ArrayList<>();

        V view;
        Map<String, Long> appliedSequences;
        boolean loaded;

        Document(Projector<V> projector, String id, int firstEvent) {
            this.projector = projector;
            this.id = id;
            this.firstEvent = firstEvent;
        }

        Document<V> load(MongoTemplate mongo, String collection) {
            if (!loaded) {
                V current = mongo.findById(id, projector.viewType(), collection);
                view = current == null ? projector.empty(id) : current;
                appliedSequences = new HashMap<>(view.applied());
                loaded = true;
            }
            return this;
        }

        void take(EventEnvelope event) {
            taken.add(event);
            applyIfNew(event);
        }

        void reload(MongoTemplate mongo, String collection) {
            loaded = false;
            applied = new ArrayList<>();
            load(mongo, collection);
            taken.forEach(this::applyIfNew);
        }

        private void applyIfNew(EventEnvelope event) {
            long last = appliedSequences.getOrDefault(event.aggregateId(), -1L);
            if (event.sequence() <= last) {
                log.debug("{} already has {} #{}", projector.name(), event.aggregateId(), event.sequence());
                return;
            }
            view = projector.apply(view, event);
            appliedSequences.put(event.aggregateId(), event.sequence());
            applied.add(event);
        }
    }

    /** Applying a batch stopped at an event: everything before it is stored. */
    public static final class FailedAt extends RuntimeException {

        private final int index;

        FailedAt(int index, Throwable cause) {
            super("Could not apply the event at position " + index + " of the batch", cause);
            this.index = index;
        }

        /** The position in the batch of the first event that may not be stored. */
        public int index() {
            return index;
        }
    }
}
