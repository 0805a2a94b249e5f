package org.collaborative.projections.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.follow.MemberFollowed;
import org.collaborative.events.follow.MemberUnfollowed;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.EventHandlers;
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

    private static final EventHandlers<Follows> HANDLERS = new EventHandlers<Follows>()
            .on(
                    MemberFollowed.class,
                    MemberFollowed::memberId,
                    (follows, followed, envelope) -> followed.target() == FollowTarget.GROUP
                            ? follows.withGroupIds(with(follows.groupIds(), followed.targetId()))
                            : follows.withItemIds(with(follows.itemIds(), followed.targetId())))
            .on(
                    MemberUnfollowed.class,
                    MemberUnfollowed::memberId,
                    (follows, unfollowed, envelope) -> unfollowed.target() == FollowTarget.GROUP
                            ? follows.withGroupIds(without(follows.groupIds(), unfollowed.targetId()))
                            : follows.withItemIds(without(follows.itemIds(), unfollowed.targetId())));

    @Override
    public Optional<String> viewId(EventEnvelope event) {
        return HANDLERS.viewId(event);
    }

    /** The id of the document the payload names, or empty when the view does not follow the event. */
    public Optional<String> viewId(Object event) {
        return HANDLERS.viewId(event);
    }

    @Override
    public Follows empty(String id) {
        return new Follows(id, List.of(), List.of(), Map.of(), null);
    }

    @Override
    public Follows apply(Follows follows, EventEnvelope event) {
        return HANDLERS.apply(follows, event);
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
