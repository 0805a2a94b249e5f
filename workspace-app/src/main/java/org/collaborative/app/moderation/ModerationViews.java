package org.collaborative.app.moderation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.collaborative.views.moderation.ModerationView;
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

    static final String COLLECTION = ModerationView.COLLECTION;

    private final MongoTemplate mongo;

    ModerationViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public java.util.Optional<ModerationView> find(String id) {
        return java.util.Optional.ofNullable(mongo.findById(id, ModerationView.class, COLLECTION));
    }

    /** Everything moderated in the given groups, most recent activity first. */
    public List<ModerationView> inGroups(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(Criteria.where("groupId").in(groupIds)), ModerationView.class, COLLECTION).stream()
                .sorted(Comparator.comparing(
                        ModerationView::lastActivity, Comparator.nullsLast(Comparator.reverseOrder())))
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
        return mongo.find(query, ModerationView.class, COLLECTION).stream()
                .map(ModerationView::id)
                .collect(Collectors.toSet());
    }
}
