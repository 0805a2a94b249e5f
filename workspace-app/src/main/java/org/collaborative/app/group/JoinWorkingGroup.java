package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.member.MemberRole;

public record JoinWorkingGroup(
        @TargetAggregateIdentifier String groupId,
        String memberId,
        String organisationId,
        MemberRole role,
        Instant at) {}
