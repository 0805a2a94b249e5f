package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator invited a member into the group; the member may now see it and join it at once, whatever its
 * visibility.
 */
@Revision("1")
public record MemberInvitedToGroup(
        String groupId, String memberId, String organisationId, String invitedBy, Instant invitedAt) {}
