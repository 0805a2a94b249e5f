package org.collaborative.app.follow;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.follow.FollowTarget;

/** Stop following a group or an item. */
public record Unfollow(
        @TargetAggregateIdentifier String followingId,
        String memberId,
        FollowTarget target,
        String targetId,
        Instant at) {

    public static Unfollow of(String memberId, FollowTarget target, String targetId, Instant at) {
        return new Unfollow(Following.idFor(memberId), memberId, target, targetId, at);
    }
}
