package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator approved a request to join; a {@link MemberJoinedGroup} follows in the same stream. */
@Revision("1")
public record JoinRequestApproved(String groupId, String memberId, String approvedBy, Instant approvedAt) {}
