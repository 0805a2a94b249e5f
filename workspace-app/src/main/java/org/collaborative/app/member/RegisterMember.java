package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.MemberRole;

/** @param details sealed into the event by the aggregate; printed as "redacted" */
public record RegisterMember(
        @TargetAggregateIdentifier String memberId,
        String organisationId,
        MemberRole role,
        PersonalDetails details,
        Instant at) {}
