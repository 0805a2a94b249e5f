package org.collaborative.projections.rebuild;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.collaborative.projections.infrastructure.ViewRegistry;
import org.collaborative.views.rebuild.Rebuild;
import org.collaborative.views.rebuild.ViewRegistryEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Asks for a view to be rebuilt and reads how it is going. The command line uses this directly against MongoDB; the
 * workspace's admin page writes the same documents.
 */
public final class RebuildRequests {

    /** The views that running projections instances have registered, one document each ({@code _id} = name). */
    public static final String REGISTRY = ViewRegistry.COLLECTION;

    private final MongoTemplate mongo;
    private final Clock clock;

    public RebuildRequests(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public List<String> views() {
        return mongo.findAll(ViewRegistryEntry.class, REGISTRY).stream()
                .map(ViewRegistryEntry::view)
                .sorted()
                .toList();
    }

    /**
     * Records a request unless the view is unknown or already being rebuilt.
     *
     * @throws IllegalArgumentException with a message for the operator when the request cannot be taken
     */
    public Rebuild request(String view, String requestedBy) {
        if (!views().contains(view)) {
            throw new IllegalArgumentException("There is no view called '" + view + "'. Views: " + views());
        }
        Optional<Rebuild> active = active(view);
        if (active.isPresent()) {
            throw new IllegalArgumentException("A rebuild of " + view + " is already "
                    + active.get().state().name().toLowerCase());
        }
        return mongo.insert(
                Rebuild.requested(UUID.randomUUID().toString(), view, requestedBy, clock.instant()),
                Rebuild.COLLECTION);
    }

    public Optional<Rebuild> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Rebuild.class, Rebuild.COLLECTION));
    }

    public Optional<Rebuild> active(String view) {
        return Optional.ofNullable(mongo.findOne(
                query(where("view").is(view).and("state").in(Rebuild.State.REQUESTED, Rebuild.State.RUNNING)),
                Rebuild.class,
                Rebuild.COLLECTION));
    }

    public List<Rebuild> recent(int limit) {
        return mongo.find(
                new Query().with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(limit),
                Rebuild.class,
                Rebuild.COLLECTION);
    }
}
