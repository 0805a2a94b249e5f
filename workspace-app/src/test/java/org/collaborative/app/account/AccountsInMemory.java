package org.collaborative.app.account;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.collaborative.app.account.SingleSignOnAccounts.Newcomer;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts.Account;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.events.member.MemberRole;

/**
 * The accounts single sign-on sees, in memory: members by address, who waits for approval, organisations' email
 * domains, the newcomers registered (who wait unless their organisation approves at once; one at another
 * organisation's domain is refused, as the {@code Member} aggregate refuses it) and the invitations accepted by
 * signing in.
 */
final class AccountsInMemory implements SingleSignOnAccounts {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Set<String> invited = ConcurrentHashMap.newKeySet();
    private final Map<String, String> organisationByDomain;
    private final Set<String> approvingAtOnce;
    final List<Newcomer> registered = new CopyOnWriteArrayList<>();
    /** The invitations accepted by a sign-in: member id and the provider that vouched. */
    final Map<String, Provider> accepted = new ConcurrentHashMap<>();

    AccountsInMemory(Map<String, String> organisationByDomain, Set<String> approvingAtOnce) {
        this.organisationByDomain = Map.copyOf(organisationByDomain);
        this.approvingAtOnce = new HashSet<>(approvingAtOnce);
    }

    AccountsInMemory member(String email, String name, String organisationId, MemberRole role, boolean waits) {
        Account account = new Account(
                UUID.randomUUID().toString(), email, name, null, organisationId, role, waits ? null : "{noop}x");
        accounts.put(email.toLowerCase(Locale.ROOT), account);
        if (waits) {
            waiting.add(account.memberId());
        }
        return this;
    }

    /** Someone invited who has not followed their link yet: no password. */
    AccountsInMemory invited(String email, String name, String organisationId, MemberRole role) {
        Account account = new Account(UUID.randomUUID().toString(), email, name, null, organisationId, role, null);
        accounts.put(email.toLowerCase(Locale.ROOT), account);
        invited.add(account.memberId());
        return this;
    }

    @Override
    public boolean invitationPending(Account account) {
        return invited.contains(account.memberId());
    }

    @Override
    public Account acceptInvitation(Account account, Provider provider) {
        if (invited.remove(account.memberId())) {
            accepted.put(account.memberId(), provider);
        }
        return account;
    }

    @Override
    public Optional<Account> byEmail(String email) {
        return Optional.ofNullable(accounts.get(email.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean awaitingApproval(Account account) {
        return waiting.contains(account.memberId());
    }

    @Override
    public Optional<String> organisationOfDomain(String email) {
        return Optional.ofNullable(organisationByDomain.get(EmailDomainDirectory.domainOf(email)));
    }

    @Override
    public Account register(Newcomer newcomer) {
        organisationOfDomain(newcomer.email())
                .filter(organisation -> !organisation.equals(newcomer.organisationId()))
                .ifPresent(other -> {
                    // As the Member aggregate refuses it.
                    throw new RuleBrokenException("The email address is at the domain of another organisation");
                });
        registered.add(newcomer);
        Account account = new Account(
                UUID.randomUUID().toString(),
                newcomer.email().toLowerCase(Locale.ROOT),
                newcomer.displayName(),
                "",
                newcomer.organisationId(),
                MemberRole.SERVICE_LEADER,
                null);
        accounts.put(account.email(), account);
        if (!approvingAtOnce.contains(newcomer.organisationId())) {
            waiting.add(account.memberId());
        }
        return account;
    }
}
