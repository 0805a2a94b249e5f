package org.collaborative.app.follow;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.follow.FollowTarget;

/** Follow a group or an item. The caller has checked that the member may see it. */
public record Follow(
        @TargetAggregateIdentifier String followingId,
        String memberId,
        FollowTarget target,
        String targetId,
        Instant at) {

    public static Follow of(String memberId, FollowTarget target, String targetId, Instant at) {
        return new Follow(Following.idFor(memberId), memberId, target, targetId, at);
    }
}
