package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An invited member signed in with single sign-on before following their emailed link: their provider vouched for the
 * invited address, so the invitation is accepted by that sign-in (its links stop working) and they sign in with their
 * organisation's account, with no password. The same outcome as {@link InvitationAccepted}, which says a password was
 * chosen through the link; this one says which provider vouched instead.
 *
 * @param issuer the ID token's issuer ({@code iss}): the provider, never the person
 * @param tenantId the Microsoft Entra tenant ({@code tid}) that vouched for the person; empty for a generic provider
 */
@Revision("1")
public record InvitationAcceptedBySingleSignOn(
        String memberId, SingleSignOnProvider provider, String issuer, String tenantId, Instant acceptedAt) {}
