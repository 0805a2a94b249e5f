package org.collaborative.app.operations;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.views.rebuild.Rebuild;
import org.collaborative.views.rebuild.ViewRegistryEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Operators' requests to rebuild a view, in the {@code view-rebuilds} collection that the projections instances watch
 * (they claim a request, replay the topic into a fresh collection, swap it in and record their progress there). The
 * views are those the running projections instances registered in {@code view-registry}, where each instance also
 * records a view it found lost at start (empty although its consumer group had read events; it then requests a
 * rebuild itself).
 */
@Component
public class ViewRebuilds {

    static final String REBUILDS = Rebuild.COLLECTION;
    static final String REGISTRY = ViewRegistryEntry.COLLECTION;

    /**
     * A view with its size, its latest rebuild, if any, and the last time a projections instance found it lost at
     * start (empty although its consumer group had read events), if ever.
     */
    public record ViewStatus(String name, long documents, Optional<Rebuild> latest, Optional<Lost> lost) {

        /** Lost, and not rebuilt since: its pages show nothing, or less than they should. */
        public boolean lostNow() {
            return lost.isPresent()
                    && latest.filter(rebuild -> rebuild.state() == Rebuild.State.DONE
                                    && rebuild.finishedAt() != null
                                    && rebuild.finishedAt().isAfter(lost.get().at()))
                            .isEmpty();
        }
    }

    /** A start-up check's finding: the view was empty although {@code group} had read {@code events} events. */
    public record Lost(Instant at, String group, long events) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    ViewRebuilds(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public List<ViewStatus> views() {
        return mongo.findAll(ViewRegistryEntry.class, REGISTRY).stream()
                .sorted(java.util.Comparator.comparing(ViewRegistryEntry::view))
                .map(entry -> {
                    String name = entry.view();
                    // From the collection's metadata: an overview for operators, not a scan of every document of every
                    // view.
                    return new ViewStatus(
                            name, mongo.getCollection(name).estimatedDocumentCount(), latest(name), lost(entry));
                })
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
        Rebuild request = Rebuild.requested(UUID.randomUUID().toString(), view, requestedBy, clock.instant());
        mongo.insert(request, REBUILDS);
        return find(request.id()).orElseThrow();
    }

    private static Optional<Lost> lost(ViewRegistryEntry entry) {
        if (entry.lostAt() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Lost(entry.lostAt(), entry.lostGroup(), entry.lostEvents() == null ? 0 : entry.lostEvents()));
    }

    private Optional<Rebuild> latest(String view) {
        return Optional.ofNullable(mongo.findOne(
                query(where("view").is(view)).with(Sort.by(Sort.Direction.DESC, "requestedAt")),
                Rebuild.class,
                REBUILDS));
    }
}
