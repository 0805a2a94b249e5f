package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.collaborative.events.organisation.RegistrationApproval;

/**
 * A person with no account signed in with single sign-on for the first time and became a member
 * ({@link MemberRegistered} comes just before, with their sealed details). They have no password: they sign in with
 * their organisation's account. With approval {@code AT_ONCE} they can sign in now; otherwise they wait for
 * {@link RegistrationApproved}, as a person who registered themselves would.
 *
 * @param issuer the ID token's issuer ({@code iss}): the provider, never the person
 * @param tenantId the Microsoft Entra tenant ({@code tid}) that vouched for the person; empty for a generic provider
 */
@Revision("1")
public record MemberRegisteredBySingleSignOn(
        String memberId,
        String organisationId,
        MemberRole role,
        RegistrationApproval approval,
        SingleSignOnProvider provider,
        String issuer,
        String tenantId,
        Instant registeredAt) {}
