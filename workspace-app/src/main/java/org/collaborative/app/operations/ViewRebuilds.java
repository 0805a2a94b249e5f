package org.collaborative.app.operations;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.views.rebuild.Rebuild;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Operators' requests to rebuild a view, in the {@code view-rebuilds} collection that the projections instances watch
 * (they claim a request, replay the topic into a fresh collection, swap it in and record their progress there). The
 * views are those the running projections instances registered in {@code view-registry}.
 */
@Component
public class ViewRebuilds {

    static final String REBUILDS = Rebuild.COLLECTION;
    static final String REGISTRY = "view-registry";

    /** A view with its size and its latest rebuild, if any. */
    public record ViewStatus(String name, long documents, Optional<Rebuild> latest) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    ViewRebuilds(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public List<ViewStatus> views() {
        return mongo.findAll(Document.class, REGISTRY).stream()
                .map(view -> view.getString("_id"))
                .sorted()
                .map(name -> new ViewStatus(name, mongo.getCollection(name).countDocuments(), latest(name)))
                .toList();
    }

    public boolean anyActive() {
        return mongo.exists(query(where("state").in("REQUESTED", "RUNNING")), REBUILDS);
    }

    public Optional<Rebuild> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Rebuild.class, REBUILDS));
    }

    /**
     * Asks the projections to rebuild a view.
     *
     * @throws RuleBrokenException when there is no such view or it is already being rebuilt
     */
    public Rebuild request(String view, String requestedBy) {
        if (!mongo.exists(query(where("_id").is(view)), REGISTRY)) {
            throw new RuleBrokenException("There is no view called " + view);
        }
        if (latest(view).filter(Rebuild::active).isPresent()) {
            throw new RuleBrokenException("A rebuild of " + view + " is already under way");
        }
        Document request = new Document("_id", UUID.randomUUID().toString())
                .append("view", view)
                .append("state", "REQUESTED")
                .append("requestedBy", requestedBy)
                .append("requestedAt", java.util.Date.from(clock.instant()))
                .append("applied", 0L)
                .append("total", 0L);
        mongo.insert(request, REBUILDS);
        return find(request.getString("_id")).orElseThrow();
    }

    private Optional<Rebuild> latest(String view) {
        return Optional.ofNullable(mongo.findOne(
                query(where("view").is(view)).with(Sort.by(Sort.Direction.DESC, "requestedAt")),
                Rebuild.class, REBUILDS));
    }
}
