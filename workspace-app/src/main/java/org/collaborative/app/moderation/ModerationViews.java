package org.collaborative.app.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the moderation view the projections build ({@code moderation} collection): one document per item or comment
 * that was ever reported or hidden, with its open reports, whether it is hidden, and its log.
 */
@Component
public class ModerationViews {

    static final String COLLECTION = "moderation";

    public record Hidden(String by, String reason, Instant at) {}

    public record Report(String reportId, String reason, String by, String organisationId, Instant at) {}

    /** @param action {@code reported}, {@code hid} or {@code restored} */
    public record Entry(String action, String by, String organisationId, String reason, Instant at, String event) {}

    /** @param parentItemId for a comment, the item whose page shows it; otherwise null */
    public record Moderated(
            @Id String id,
            String itemType,
            String parentItemId,
            String groupId,
            Hidden hidden,
            List<Report> openReports,
            List<Entry> log,
            Instant lastActivity) {

        public Moderated {
            openReports = openReports == null ? List.of() : openReports;
            log = log == null ? List.of() : log;
        }

        /** The page that shows it: the item's own, or for a comment the page of its item. */
        public String pageItemId() {
            return parentItemId == null ? id : parentItemId;
        }
    }

    private final MongoTemplate mongo;

    ModerationViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public java.util.Optional<Moderated> find(String id) {
        return java.util.Optional.ofNullable(mongo.findById(id, Moderated.class, COLLECTION));
    }

    /** Everything moderated in the given groups, most recent activity first. */
    public List<Moderated> inGroups(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(Criteria.where("groupId").in(groupIds)), Moderated.class, COLLECTION).stream()
                .sorted(Comparator.comparing(Moderated::lastActivity, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The ids of the items and comments hidden now in the given groups. */
    public Set<String> hiddenIn(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Set.of();
        }
        Query query =
                new Query(Criteria.where("groupId").in(groupIds).and("hidden").ne(null));
        query.fields().include("_id");
        return mongo.find(query, Moderated.class, COLLECTION).stream()
                .map(Moderated::id)
                .collect(Collectors.toSet());
    }
}
