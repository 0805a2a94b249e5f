package org.collaborative.app.follow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.views.follow.Follows;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads what members follow ({@code follows} collection, built by the projections). */
@Component
public class FollowViews {

    static final String COLLECTION = Follows.COLLECTION;

    private final MongoTemplate mongo;

    FollowViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Follows of(String memberId) {
        return find(memberId).orElse(new Follows(memberId, List.of(), List.of(), Map.of(), null));
    }

    public boolean follows(String memberId, FollowTarget target, String targetId) {
        return includes(of(memberId), target, targetId);
    }

    /** Waits briefly until the view shows the member following (or not) the target, for the page they return to. */
    public void awaitFollowing(
            String memberId, FollowTarget target, String targetId, boolean following, Duration atMost) {
        ReadYourWrite.awaitUntil(
                () -> Optional.of(of(memberId)), follows -> includes(follows, target, targetId) == following, atMost);
    }

    private static boolean includes(Follows follows, FollowTarget target, String targetId) {
        return (target == FollowTarget.GROUP ? follows.groupIds() : follows.itemIds()).contains(targetId);
    }

    private Optional<Follows> find(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Follows.class, COLLECTION));
    }
}
