package org.collaborative.app.account;

import java.util.Optional;
import org.collaborative.app.member.Accounts.Account;
import org.collaborative.events.member.SingleSignOnProvider;

/**
 * What single sign-on needs of the accounts ({@link OidcMembers}): finding a member, making one at a first sign-in, and
 * accepting an invitation by a sign-in (onboarding's {@code SingleSignOnRegistrations}, docs/adr/0025).
 */
public interface SingleSignOnAccounts {

    /** Who signed in, as their ID token says, and the organisation the sign-in points to. */
    record Newcomer(
            String organisationId,
            String email,
            String displayName,
            SingleSignOnProvider provider,
            String issuer,
            String tenantId) {}

    Optional<Account> byEmail(String email);

    /** Whether the account waits for an (organisation) administrator's approval. */
    boolean awaitingApproval(Account account);

    /** Whether the account is an invitation not yet accepted. */
    boolean invitationPending(Account account);

    /** The provider that vouched for a sign-in: which kind, its issuer and (Entra) the tenant, else empty. */
    record Provider(SingleSignOnProvider kind, String issuer, String tenantId) {}

    /**
     * Accepts the pending invitation of the account by this sign-in: the invitation's emailed links stop working.
     * Returns the account (unchanged if the invitation was accepted or withdrawn a moment before).
     */
    Account acceptInvitation(Account invited, Provider provider);

    /** The organisation whose email domain an address is at, if one takes part (as for self-registration). */
    Optional<String> organisationOfDomain(String email);

    /**
     * The newcomer's new account, or the one a simultaneous sign-in of the same address made a moment before. The
     * member's rules refuse with a {@code RuleBrokenException}.
     */
    Account register(Newcomer newcomer);
}
