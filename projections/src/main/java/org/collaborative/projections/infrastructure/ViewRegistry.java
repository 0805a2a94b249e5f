package org.collaborative.projections.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.collaborative.views.rebuild.ViewRegistryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code view-registry} collection ({@link ViewRegistryEntry}, one document per view, {@code _id} = its
 * name), which the admin page and the {@code rebuild} command line list, holding what the projections know about the
 * view's health.
 *
 * <ul>
 *   <li>{@code holdsDocuments}: whether the view has held documents since it was last found (or rebuilt) empty. Views
 *       never delete documents, so an empty view that held documents has lost them. Missing when nobody knows yet.
 *   <li>{@code lostAt}, {@code lostEvents}, {@code lostGroup}: the last time a start-up check found the view empty
 *       although its consumer group had read events, and how many.
 * </ul>
 */
@Component
public class ViewRegistry {

    public static final String COLLECTION = ViewRegistryEntry.COLLECTION;
    /** A live projection says again that its view holds documents at most this often. */
    static final Duration MARK_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ViewRegistry.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Instant> marked = new ConcurrentHashMap<>();

    public ViewRegistry(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void register(String view) {
        mongo.upsert(query(where("_id").is(view)), Update.update("registeredAt", clock.instant()), COLLECTION);
    }

    /** Records whether the view holds documents now (at start, or when a rebuild has swapped it in). */
    public void holdsDocuments(String view, boolean holds) {
        mongo.upsert(query(where("_id").is(view)), Update.update("holdsDocuments", holds), COLLECTION);
        if (holds) {
            marked.put(view, clock.instant());
        } else {
            marked.remove(view);
        }
    }

    /**
     * Called by the live projection after it saved a document of the view: records that the view holds documents,
     * unless this instance said so within the last minute. A failure is only logged; the next save tries again.
     */
    public void savedDocument(String view) {
        Instant now = clock.instant();
        Instant last = marked.get(view);
        if (last != null && last.plus(MARK_EVERY).isAfter(now)) {
            return;
        }
        try {
            mongo.upsert(query(where("_id").is(view)), Update.update("holdsDocuments", true), COLLECTION);
            marked.put(view, now);
        } catch (RuntimeException e) {
            log.warn("Could not record that {} holds documents", view, e);
        }
    }

    /** True, false, or empty when nothing is known (a view registered before this was recorded). */
    public Optional<Boolean> knownToHoldDocuments(String view) {
        return Optional.ofNullable(mongo.findById(view, ViewRegistryEntry.class, COLLECTION))
                .map(ViewRegistryEntry::holdsDocuments);
    }

    /** Records a start-up check's finding that the view was lost. */
    public void lost(String view, String group, long events) {
        mongo.upsert(
                query(where("_id").is(view)),
                Update.update("lostAt", clock.instant())
                        .set("lostEvents", events)
                        .set("lostGroup", group),
                COLLECTION);
    }
}
