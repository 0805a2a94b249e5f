package org.collaborative.events.follow;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member stopped following a group or an item. */
@Revision("1")
public record MemberUnfollowed(String memberId, FollowTarget target, String targetId, Instant unfollowedAt) {}
