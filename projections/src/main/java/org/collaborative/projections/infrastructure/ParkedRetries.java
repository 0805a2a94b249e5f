package org.collaborative.projections.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collaborative.views.parking.ParkedRecord;
import org.collaborative.views.parking.ParkedRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries out administrators' requests to retry a parked sequence ({@code parked-retries}, written by the workspace's
 * admin page). Every instance looks at the pending requests every second; the one whose consumer owns the sequence's
 * partition re-applies it ({@link ParkedRecords#retry}) and deletes the request, so a request is carried out once,
 * by the only instance that may apply records of that key, however many instances of either application run. A
 * request for a sequence that is no longer parked (retried already, or parked by no one) is deleted by whoever sees
 * it; one whose partition is between owners during a rebalance waits for the next owner.
 */
@Component
class ParkedRetries {

    private static final Logger log = LoggerFactory.getLogger(ParkedRetries.class);

    private final Map<String, Projector<?>> projectors;
    private final ParkedRecords parked;
    private final LiveViews views;
    private final MongoTemplate mongo;
    private final ObjectMapper json;

    ParkedRetries(
            List<Projector<?>> projectors,
            ParkedRecords parked,
            LiveViews views,
            MongoTemplate mongo,
            ObjectMapper eventJson) {
        this.projectors = projectors.stream().collect(Collectors.toMap(Projector::name, Function.identity()));
        this.parked = parked;
        this.views = views;
        this.mongo = mongo;
        this.json = eventJson;
    }

    @Scheduled(fixedDelayString = "${collaborative.projections.parked-retry-poll-ms:1000}")
    void carryOutRequests() {
        try {
            for (ParkedRetry request : mongo.findAll(ParkedRetry.class, ParkedRetry.COLLECTION)) {
                carryOut(request);
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for retries of parked records to carry out", e);
        }
    }

    void carryOut(ParkedRetry request) {
        Projector<?> projector = projectors.get(request.view());
        Optional<ParkedRecords.Outcome> outcome = projector == null
                ? Optional.empty()
                : parked.retry(
                        request.view(),
                        request.partition(),
                        request.key(),
                        events -> views.applyAll(projector, events),
                        json);
        if (outcome.isPresent()) {
            log.info(
                    "Retried {}'s parked {} (partition {}) for {}: {} applied, {} still parked",
                    request.view(),
                    request.key(),
                    request.partition(),
                    request.requestedBy(),
                    outcome.get().applied(),
                    outcome.get().stillParked());
            done(request);
        } else if (!mongo.exists(
                query(where("view")
                        .is(request.view())
                        .and("partition")
                        .is(request.partition())
                        .and("key")
                        .is(request.key())),
                ParkedRecord.COLLECTION)) {
            done(request);
        }
    }

    private void done(ParkedRetry request) {
        mongo.remove(query(where("_id").is(request.id())), ParkedRetry.COLLECTION);
    }
}
