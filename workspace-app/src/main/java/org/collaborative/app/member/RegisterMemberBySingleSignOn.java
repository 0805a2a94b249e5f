package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.SingleSignOnProvider;

/**
 * A person with no account signed in with single sign-on (their provider vouched for the address): they become a
 * member of {@code organisationId}, the organisation their Entra tenant is mapped to, or (generic provider) the one
 * whose email domain their verified address is at. No password: they sign in with their organisation's account.
 *
 * @param tenantId the Entra tenant; empty for a generic provider
 */
public record RegisterMemberBySingleSignOn(
        @TargetAggregateIdentifier String memberId,
        String organisationId,
        PersonalDetails details,
        SingleSignOnProvider provider,
        String issuer,
        String tenantId,
        Instant at) {}
