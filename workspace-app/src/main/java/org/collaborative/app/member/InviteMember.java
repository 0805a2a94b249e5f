package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.MemberRole;

/**
 * Registers a person by invitation: an administrator for any organisation, an organisation administrator for their
 * own. {@code actor} is null only for the operator's first administrator ({@code create-administrator}).
 */
public record InviteMember(
        @TargetAggregateIdentifier String memberId,
        String organisationId,
        MemberRole role,
        PersonalDetails details,
        Actor actor,
        Instant at) {

    /** The operator's command line creating the first administrator: no member is acting. */
    public static InviteMember firstAdministrator(
            String memberId, String organisationId, PersonalDetails details, Instant at) {
        return new InviteMember(memberId, organisationId, MemberRole.ADMINISTRATOR, details, null, at);
    }
}
