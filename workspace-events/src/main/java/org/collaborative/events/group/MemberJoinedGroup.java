package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member joined a working group, on behalf of their organisation. */
@Revision("1")
public record MemberJoinedGroup(String groupId, String memberId, String organisationId, Instant joinedAt) {}
