package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.member.MemberRole;

/** A facilitator invites a member (whose organisation and role the caller looked up) into their group. */
public record InviteToGroup(
        @TargetAggregateIdentifier String groupId,
        String memberId,
        String organisationId,
        MemberRole role,
        String facilitatorId,
        Instant at) {}
