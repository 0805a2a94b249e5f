package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.member.MemberRole;

public record RegisterMember(
        @TargetAggregateIdentifier String memberId, String organisationId, MemberRole role, Instant at) {}
