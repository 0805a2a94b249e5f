package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies one event to one view: read the document, skip a redelivered event, apply, save with an optimistic version
 * check (two partitions may touch the same document at once), then tell the web instances that the view changed.
 */
@Component
public class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final int MAX_CONFLICTS = 20;

    private final MongoTemplate mongo;
    private final ViewChangeNotifier notifier;
    private final ObjectMapper json;

    ProjectionRunner(MongoTemplate mongo, ViewChangeNotifier notifier, ObjectMapper eventJson) {
        this.mongo = mongo;
        this.notifier = notifier;
        this.json = eventJson;
    }

    public <V extends View<V>> void handle(Projector<V> projector, ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = EventEnvelope.from(record, json);
        Optional<String> viewId = projector.viewId(event.payload());
        if (viewId.isPresent()) {
            if (apply(projector, viewId.get(), event)) {
                notifier.changed(projector.name(), viewId.get(), event);
            }
        }
    }

    /** Applies the event unless the view has it already; says whether the view changed. */
    public <V extends View<V>> boolean apply(Projector<V> projector, String viewId, EventEnvelope event) {
        for (int attempt = 1; attempt <= MAX_CONFLICTS; attempt++) {
            V current = mongo.findById(viewId, projector.viewType(), projector.name());
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
                mongo.save(next, projector.name());
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException conflict) {
                log.debug("{} {} changed under us; reading it again", projector.name(), viewId);
            }
        }
        throw new IllegalStateException(
                projector.name() + " " + viewId + " kept changing; gave up after " + MAX_CONFLICTS + " attempts");
    }
}
