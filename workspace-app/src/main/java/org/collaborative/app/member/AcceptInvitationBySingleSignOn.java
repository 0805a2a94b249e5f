package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.member.SingleSignOnProvider;

/**
 * An invited person signed in with single sign-on (their provider vouched for the invited address, and for Entra the
 * tenant is the one mapped to their organisation) before following their link: the sign-in accepts the invitation.
 *
 * @param tenantId the Entra tenant; empty for a generic provider
 */
public record AcceptInvitationBySingleSignOn(
        @TargetAggregateIdentifier String memberId,
        SingleSignOnProvider provider,
        String issuer,
        String tenantId,
        Instant at) {}
