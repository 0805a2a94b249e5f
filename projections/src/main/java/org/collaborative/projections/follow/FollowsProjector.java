package org.collaborative.projections.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.follow.MemberFollowed;
import org.collaborative.events.follow.MemberUnfollowed;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.Projector;
import org.collaborative.views.follow.Follows;
import org.springframework.stereotype.Component;

/** What each member follows, for their "Following" page and, later, their notifications. */
@Component
public class FollowsProjector implements Projector<Follows> {

    public static final String NAME = Follows.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Follows> viewType() {
        return Follows.class;
    }

    @Override
    public Optional<String> viewId(EventEnvelope event) {
        return viewId(event.payload());
    }

    /** The id of the document the payload names, or empty when the view does not follow the event. */
    public Optional<String> viewId(Object event) {
        if (event instanceof MemberFollowed followed) {
            return Optional.of(followed.memberId());
        }
        if (event instanceof MemberUnfollowed unfollowed) {
            return Optional.of(unfollowed.memberId());
        }
        return Optional.empty();
    }

    @Override
    public Follows empty(String id) {
        return new Follows(id, List.of(), List.of(), Map.of(), null);
    }

    @Override
    public Follows apply(Follows follows, EventEnvelope event) {
        if (event.payload() instanceof MemberFollowed followed) {
            return followed.target() == FollowTarget.GROUP
                    ? new Follows(
                            follows.id(),
                            with(follows.groupIds(), followed.targetId()),
                            follows.itemIds(),
                            follows.applied(),
                            follows.version())
                    : new Follows(
                            follows.id(),
                            follows.groupIds(),
                            with(follows.itemIds(), followed.targetId()),
                            follows.applied(),
                            follows.version());
        }
        if (event.payload() instanceof MemberUnfollowed unfollowed) {
            return unfollowed.target() == FollowTarget.GROUP
                    ? new Follows(
                            follows.id(),
                            without(follows.groupIds(), unfollowed.targetId()),
                            follows.itemIds(),
                            follows.applied(),
                            follows.version())
                    : new Follows(
                            follows.id(),
                            follows.groupIds(),
                            without(follows.itemIds(), unfollowed.targetId()),
                            follows.applied(),
                            follows.version());
        }
        return follows;
    }

    private static List<String> with(List<String> ids, String id) {
        if (ids.contains(id)) {
            return ids;
        }
        List<String> next = new ArrayList<>(ids);
        next.add(id);
        return next;
    }

    private static List<String> without(List<String> ids, String id) {
        return ids.stream().filter(existing -> !existing.equals(id)).toList();
    }
}
