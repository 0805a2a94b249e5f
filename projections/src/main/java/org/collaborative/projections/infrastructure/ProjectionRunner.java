package org.collaborative.projections.infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies one event to one view: read the document, skip a redelivered event, apply, save with an optimistic version
 * check (two partitions may touch the same document at once).
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
        Optional<String> viewId = projector.viewId(event.payload());
        return viewId.filter(id -> apply(projector, id, event, collection));
    }

    private <V extends View<V>> boolean apply(
            Projector<V> projector, String viewId, EventEnvelope event, String collection) {
        for (int attempt = 1; attempt <= MAX_CONFLICTS; attempt++) {
            V current = mongo.findById(viewId, projector.viewType(), collection);
            V view = current == null ? projector.empty(viewId) : current;
            long last = view.applied().getOrDefault(event.aggregateId(), -1L);
            if (event.sequence() <= last) {
                log.debug("{} already has {} #{}", projector.name(), event.aggregateId(), event.sequence());
                return false;
            }
            Map<String, Long> applied = new HashMap<>(view.applied());
            applied.put(event.aggregateId(), event.sequence());
            V next = projector.apply(view, event).withApplied(applied);
            try {
                mongo.save(next, collection);
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException conflict) {
                log.debug("{} {} changed under us; reading it again", projector.name(), viewId);
                backOff(attempt);
            }
        }
        throw new IllegalStateException(
                projector.name() + " " + viewId + " kept changing; gave up after " + MAX_CONFLICTS + " attempts");
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
}
