package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member's personal data was erased, so they no longer belong to the group: they go from its members and
 * facilitators, and any request to join or invitation of theirs goes too. What they posted stays, shown as by a
 * "Former member". Recorded for each group they were in, or had asked to join or been invited to, after
 * {@code MemberErased}.
 */
@Revision("1")
public record ErasedMemberRemovedFromGroup(String groupId, String memberId, Instant removedAt) {}
