package org.collaborative.projections.infrastructure;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.collaborative.views.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies events to a view: read the documents the events concern, skip redelivered events, apply the rest in order,
 * and save each document once with an optimistic version check (two partitions, or two instances during a rebalance,
 * may touch the same document at once; the loser reads it again and re-applies its events).
 *
 * <p>A batch (one Kafka poll) touches each document once however many of its events it holds, and reads and writes
 * all its documents together: one query, one bulk write. Catching up a long history neither rewrites a group's page
 * once per question nor makes a round trip (and a commit) per new item.
 */
@Component
public class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final int MAX_CONFLICTS = 50;
    private static final int DUPLICATE_KEY = 11000;

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
     * <p>The documents are read in one query and written in one bulk command: a poll of five hundred questions is
     * one read and one write for the items view, not a thousand round trips (and, on the durable embedded default,
     * not a thousand commits forced to disk: the stand-in commits once per command).
     *
     * <p>If an event cannot be applied, or a document cannot be saved, this throws {@link FailedAt} with the position
     * of the first event that may not be stored: every event before it is (documents hold only events before the one
     * that failed, and every document that could be saved is), so the caller can commit up to there and hand the rest
     * back. Events after it that did reach a document are skipped when they come again.
     */
    public <V extends View<V>> void applyAll(
            Projector<V> projector,
            List<EventEnvelope> events,
            String collection,
            BiConsumer<String, EventEnvelope> changed) {
        Map<String, Document<V>> documents = new LinkedHashMap<>();
        List<Document<V>> concerned = new ArrayList<>(events.size());
        FailedAt failure = null;
        for (int i = 0; i < events.size(); i++) {
            try {
                Optional<String> viewId = projector.viewId(events.get(i));
                int first = i;
                concerned.add(viewId.map(
                                id -> documents.computeIfAbsent(id, key -> new Document<>(projector, key, first)))
                        .orElse(null));
            } catch (RuntimeException e) {
                failure = new FailedAt(i, e);
                break;
            }
        }
        if (documents.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            return;
        }
        try {
            load(projector, documents.values(), collection);
        } catch (RuntimeException e) {
            throw new FailedAt(documents.values().iterator().next().firstEvent, e);
        }
        for (int i = 0; i < concerned.size(); i++) {
            Document<V> document = concerned.get(i);
            if (document == null) {
                continue;
            }
            try {
                document.take(events.get(i));
            } catch (RuntimeException e) {
                failure = new FailedAt(i, e);
                break;
            }
        }
        List<Document<V>> saved = save(projector, documents.values(), collection);
        for (Document<V> document : saved) {
            for (EventEnvelope event : document.applied) {
                changed.accept(document.id, event);
            }
        }
        FailedAt unsaved = documents.values().stream()
                .filter(document -> document.error != null)
                .findFirst()
                .map(document -> new FailedAt(document.firstEvent, document.error))
                .orElse(null);
        if (unsaved != null && (failure == null || unsaved.index < failure.index)) {
            throw unsaved;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Reads the documents in one query; those not there yet start empty. */
    private <V extends View<V>> void load(
            Projector<V> projector, Collection<Document<V>> documents, String collection) {
        Map<String, Document<V>> byId = new HashMap<>();
        documents.forEach(document -> byId.put(document.id, document));
        for (V stored :
                mongo.find(Query.query(Criteria.where("_id").in(byId.keySet())), projector.viewType(), collection)) {
            Document<V> document = byId.get(stored.id());
            if (document != null) {
                document.loaded(stored, version(stored));
            }
        }
        documents.forEach(document -> document.loadedIfAbsent(projector.empty(document.id)));
    }

    /**
     * Writes every document that took an event in one unordered bulk command, each replacing the version it was read
     * at ({@code {_id, version}}, upserted: a document someone else wrote meanwhile fails on its {@code _id} instead of
     * being overwritten). Those that conflicted are read again, given their events again and written again; a document
     * that fails for another reason keeps its error. Returns the documents saved, in the order of their first event.
     */
    private <V extends View<V>> List<Document<V>> save(
            Projector<V> projector, Collection<Document<V>> documents, String collection) {
        List<Document<V>> pending = documents.stream()
                .filter(document -> !document.applied.isEmpty())
                .collect(Collectors.toCollection(ArrayList::new));
        Set<Document<V>> saved = new HashSet<>();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Document<V>> conflicted = new ArrayList<>();
            List<WriteModel<org.bson.Document>> writes = new ArrayList<>(pending.size());
            for (Document<V> document : pending) {
                writes.add(replacing(document));
            }
            List<BulkWriteError> errors;
            try {
                errors = mongo.execute(collection, documentsOf -> {
                    try {
                        documentsOf.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                        return List.<BulkWriteError>of();
                    } catch (MongoBulkWriteException partly) {
                        return partly.getWriteErrors();
                    }
                });
            } catch (RuntimeException e) {
                pending.forEach(document -> document.error = e);
                break;
            }
            Map<Integer, BulkWriteError> byIndex = new HashMap<>();
            errors.forEach(error -> byIndex.put(error.getIndex(), error));
            for (int i = 0; i < pending.size(); i++) {
                Document<V> document = pending.get(i);
                BulkWriteError error = byIndex.get(i);
                if (error == null) {
                    saved.add(document);
                } else if (error.getCode() == DUPLICATE_KEY && attempt < MAX_CONFLICTS) {
                    conflicted.add(document);
                } else {
                    document.error = error.getCode() == DUPLICATE_KEY
                            ? new IllegalStateException(projector.name() + " " + document.id
                                    + " kept changing; gave up after " + MAX_CONFLICTS + " attempts")
                            : new IllegalStateException(projector.name() + " " + document.id + " could not be saved: "
                                    + error.getMessage());
                }
            }
            if (conflicted.isEmpty()) {
                break;
            }
            log.debug("{}: {} documents changed under us; reading them again", projector.name(), conflicted.size());
            backOff(attempt);
            try {
                load(projector, conflicted.stream().map(Document::forgetting).toList(), collection);
            } catch (RuntimeException e) {
                conflicted.forEach(document -> document.error = e);
                break;
            }
            for (Document<V> document : conflicted) {
                try {
                    document.reapply();
                } catch (RuntimeException e) {
                    document.error = e;
                }
            }
            pending = conflicted.stream()
                    .filter(document -> document.error == null && !document.applied.isEmpty())
                    .collect(Collectors.toCollection(ArrayList::new));
        }
        return documents.stream().filter(saved::contains).toList();
    }

    /** The write of one document: replace the version it was read at with the next, or insert it as version 0. */
    private <V extends View<V>> WriteModel<org.bson.Document> replacing(Document<V> document) {
        org.bson.Document stored = new org.bson.Document();
        mongo.getConverter().write(document.view.appliedUpTo(document.appliedSequences), stored);
        String versionField = versionProperty(document.view).getFieldName();
        stored.put(versionField, document.version == null ? 0L : document.version + 1);
        org.bson.Document filter =
                new org.bson.Document("_id", stored.get("_id")).append(versionField, document.version);
        return new ReplaceOneModel<>(filter, stored, new ReplaceOptions().upsert(true));
    }

    private Long version(View<?> view) {
        Object version = mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(view.getClass())
                .getPropertyAccessor(view)
                .getProperty(versionProperty(view));
        return version == null ? null : ((Number) version).longValue();
    }

    private MongoPersistentProperty versionProperty(View<?> view) {
        MongoPersistentProperty property = mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(view.getClass())
                .getVersionProperty();
        if (property == null) {
            throw new IllegalStateException(view.getClass().getSimpleName() + " has no @Version property");
        }
        return property;
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
        /** The version the copy in hand was read at; null when it was not stored yet. */
        Long version;

        Map<String, Long> appliedSequences;
        boolean loaded;
        /** Why the document could not be saved, if it could not. */
        RuntimeException error;

        Document(Projector<V> projector, String id, int firstEvent) {
            this.projector = projector;
            this.id = id;
            this.firstEvent = firstEvent;
        }

        void loaded(V stored, Long storedVersion) {
            view = stored;
            version = storedVersion;
            appliedSequences = new HashMap<>(stored.applied());
            loaded = true;
        }

        void loadedIfAbsent(V empty) {
            if (!loaded) {
                loaded(empty, null);
            }
        }

        /** Applies the event and keeps it for a re-read; an event that cannot be applied is not kept. */
        void take(EventEnvelope event) {
            applyIfNew(event);
            taken.add(event);
        }

        /** Drops the copy in hand, to be read again. */
        Document<V> forgetting() {
            loaded = false;
            applied = new ArrayList<>();
            return this;
        }

        void reapply() {
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
