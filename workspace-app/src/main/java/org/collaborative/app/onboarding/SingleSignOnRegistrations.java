package org.collaborative.app.onboarding;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.account.SingleSignOnAccounts;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.AcceptInvitationBySingleSignOn;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.Member;
import org.collaborative.app.member.RegisterMemberBySingleSignOn;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.personaldata.PersonalDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts made at a first single sign-on (docs/adr/0025): the person's provider vouched for their address, so there
 * is no link to confirm and no password; they join the organisation their sign-in points to, approved at once or
 * waiting, as self-registration does ({@link RegisterMemberBySingleSignOn}).
 *
 * <p>Two first sign-ins of the same person at once make one account: the lookup and the command run in one
 * transaction under an advisory lock on the address, so the second waits for the first and then finds its account
 * (and the account table's unique address stops any other way in).
 *
 * <p>An invited person who signs in before following their emailed link accepts the invitation by that sign-in
 * ({@link AcceptInvitationBySingleSignOn}): the invitation's links are withdrawn in the same transaction, so none can
 * later set a password on the account, and an administrator can no longer resend or revoke it.
 */
@Component
public class SingleSignOnRegistrations implements SingleSignOnAccounts {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnRegistrations.class);

    private final CommandGateway commands;
    private final Accounts accounts;
    private final EmailDomainDirectory domains;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OrganisationDirectory organisations;
    private final SignedLinks links;

    SingleSignOnRegistrations(
            CommandGateway commands,
            Accounts accounts,
            EmailDomainDirectory domains,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            Clock clock,
            OrganisationDirectory organisations,
            SignedLinks links) {
        this.organisations = organisations;
        this.links = links;
        this.commands = commands;
        this.accounts = accounts;
        this.domains = domains;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Optional<Accounts.Account> byEmail(String email) {
        return accounts.findByEmail(email);
    }

    @Override
    public Optional<String> organisationOfDomain(String email) {
        return domains.forEmail(email).map(EmailDomainDirectory.EmailDomain::organisationId);
    }

    @Override
    public Accounts.Account register(Newcomer newcomer) {
        if (!organisations.exists(newcomer.organisationId())) {
            // A mapping to an organisation nobody registered (a mistyped id in the tenant allowlist) would make members
            // of nothing: refuse the newcomer, and tell the operator what to correct.
            log.error(
                    "A first sign-in by {} (tenant {}) names organisation {}, which does not exist: correct the"
                            + " mapping in COLLABORATIVE_SECURITY_OIDC_ENTRA_TENANTS",
                    newcomer.provider(),
                    newcomer.tenantId(),
                    newcomer.organisationId());
            throw new RuleBrokenException("The organisation " + newcomer.organisationId() + " does not exist");
        }
        String email = newcomer.email().strip().toLowerCase(Locale.ROOT);
        String memberId = transaction.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "single-sign-on:" + email);
            Optional<Accounts.Account> existing = accounts.findByEmail(email);
            if (existing.isPresent()) {
                return existing.get().memberId();
            }
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterMemberBySingleSignOn(
                    id,
                    newcomer.organisationId(),
                    new PersonalDetails(newcomer.displayName(), email, ""),
                    newcomer.provider(),
                    newcomer.issuer(),
                    newcomer.tenantId(),
                    clock.instant()));
            return id;
        });
        return accounts.find(memberId)
                .orElseThrow(() -> new IllegalStateException("No account for member " + memberId + " just registered"));
    }

    @Override
    public boolean invitationPending(Accounts.Account account) {
        return accounts.status(account.memberId()).orElse(Accounts.Status.ACTIVE) == Accounts.Status.INVITED;
    }

    @Override
    public Accounts.Account acceptInvitation(Accounts.Account invited, Provider provider) {
        String memberId = invited.memberId();
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "single-sign-on:" + invited.email());
                if (invitationPending(invited)) {
                    links.revokeAll(memberId, LinkTokens.Purpose.INVITATION);
                    commands.sendAndWait(new AcceptInvitationBySingleSignOn(
                            memberId, provider.kind(), provider.issuer(), provider.tenantId(), clock.instant()));
                }
            });
        } catch (Member.InvitationNotPendingException acceptedOrRevokedJustBefore) {
            // The link was used, or the invitation withdrawn, a moment before: as the account now stands.
        }
        return accounts.find(memberId).orElseThrow(() -> new RuleBrokenException("The invitation was withdrawn"));
    }

    @Override
    public boolean awaitingApproval(Accounts.Account account) {
        return accounts.status(account.memberId()).orElse(Accounts.Status.ACTIVE) == Accounts.Status.PENDING;
    }
}
