package org.collaborative.projections.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.follow.MemberFollowed;
import org.collaborative.events.follow.MemberUnfollowed;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.follow.Follows;
import org.springframework.stereotype.Component;

/** What each member follows, for their "Following" page and, later, their notifications. */
@Component
public class FollowsProjector extends DeclaredProjector<Follows> {

    public static final String NAME = Follows.COLLECTION;

    public FollowsProjector() {
        super(NAME, Follows.class, HANDLERS);
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
    public Follows empty(String id) {
        return new Follows(id, List.of(), List.of(), Map.of(), null);
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
