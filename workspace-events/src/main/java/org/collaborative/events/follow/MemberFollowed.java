package org.collaborative.events.follow;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member started following a group or an item, to hear about what happens there. */
@Revision("1")
public record MemberFollowed(String memberId, FollowTarget target, String targetId, Instant followedAt) {}
