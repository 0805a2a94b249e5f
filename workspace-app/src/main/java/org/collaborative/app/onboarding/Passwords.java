package org.collaborative.app.onboarding;

import java.time.Clock;
import java.time.Duration;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.onboarding.Invitations.LinkNotValidException;
import org.collaborative.app.onboarding.LinkTokens.Purpose;
import org.collaborative.app.personaldata.SecurityLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing a password, and resetting a forgotten one by email. A password hash is security state, kept in the account
 * row and never in an event (ADR 11); each change is in the security log. A reset link is signed, works once and for
 * {@code reset-valid-for}; asking for one answers the same whether or not the address has an account.
 */
@Component
public class Passwords {

    private final Accounts accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final SignedLinks links;
    private final OnboardingMailer mailer;
    private final SecurityLog log;
    private final TransactionTemplate transaction;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final Clock clock;
    private final Duration resetValidFor;
    private final EmailRequestLimits limits;
    private final EmailRequestLimits.Limits resetLimits;

    Passwords(
            Accounts accounts,
            PasswordRules rules,
            PasswordEncoder encoder,
            SignedLinks links,
            OnboardingMailer mailer,
            SecurityLog log,
            TransactionTemplate transaction,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
            Clock clock,
            @Value("${collaborative.onboarding.reset-valid-for:1h}") Duration resetValidFor,
            EmailRequestLimits limits,
            @Value("${collaborative.onboarding.reset-limit.per-address:3}") int perAddress,
            @Value("${collaborative.onboarding.reset-limit.per-client:20}") int perClient,
            @Value("${collaborative.onboarding.reset-limit.window:1h}") Duration window) {
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
        this.links = links;
        this.mailer = mailer;
        this.log = log;
        this.transaction = transaction;
        this.sessions = sessions;
        this.clock = clock;
        this.resetValidFor = resetValidFor;
        this.limits = limits;
        this.resetLimits = new EmailRequestLimits.Limits(perAddress, perClient, window);
    }

    /** A signed-in member changes their password, giving the current one. */
    public void change(String memberId, String current, String password, String confirmation) {
        Accounts.Account account = accounts.find(memberId).orElseThrow();
        if (current == null || account.passwordHash() == null || !encoder.matches(current, account.passwordHash())) {
            throw new InvalidInputException("current", "Your current password is not right");
        }
        Invitations.requireAcceptable(password, confirmation, account.email(), rules);
        accounts.setPassword(memberId, encoder.encode(password));
        log.append(clock.instant(), SecurityLog.Kind.PASSWORD_CHANGED, memberId, memberId, "", null);
    }

    /**
     * Emails a reset link to the address if it belongs to a member who can sign in and the address (or the client)
     * has not asked too often ({@code reset-limit}: per address and per client, per window, counted whether or not the
     * address has an account); otherwise does nothing. Either way the caller shows the same answer, so the page cannot
     * be used to find out who has an account, nor to flood someone's inbox.
     */
    public void requestReset(String email, String remoteAddress) {
        if (!limits.allow(EmailRequestLimits.Kind.PASSWORD_RESET, email, remoteAddress, resetLimits)) {
            return;
        }
        accounts.findByEmail(email)
                .filter(account -> accounts.status(account.memberId()).orElse(null) == Accounts.Status.ACTIVE)
                .ifPresent(account -> {
                    String token = links.issue(account.memberId(), Purpose.PASSWORD_RESET, resetValidFor);
                    log.append(
                            clock.instant(),
                            SecurityLog.Kind.PASSWORD_RESET_REQUESTED,
                            account.memberId(),
                            null,
                            "",
                            remoteAddress);
                    mailer.send(new OnboardingMailer.Email(
                            account.email(),
                            account.displayName(),
                            "Reset your Collaborative password",
                            "Someone (we hope you) asked to reset the password of your Collaborative account.",
                            "Choose a new password",
                            mailer.url("/password/reset/" + token),
                            "The link works once and stops working at "
                                    + OnboardingMailer.expiry(clock.instant().plus(resetValidFor))
                                    + ". If you did not ask for this, ignore this email: your password stays as"
                                    + " it is."));
                });
    }

    /** Whether a reset link still works, for the page that asks for the new password. */
    public boolean resetLinkWorks(String token) {
        return links.peek(token, Purpose.PASSWORD_RESET).isPresent();
    }

    /**
     * Sets a new password with a reset link, using the link up, and signs the member out everywhere (whoever knew the
     * old password is signed out too).
     */
    public void reset(String token, String password, String confirmation) {
        String memberId = links.peek(token, Purpose.PASSWORD_RESET).orElseThrow(LinkNotValidException::new);
        Accounts.Account account = accounts.find(memberId).orElseThrow(LinkNotValidException::new);
        Invitations.requireAcceptable(password, confirmation, account.email(), rules);
        transaction.executeWithoutResult(status -> {
            links.consume(token, Purpose.PASSWORD_RESET).orElseThrow(LinkNotValidException::new);
            accounts.setPassword(memberId, encoder.encode(password));
            log.append(clock.instant(), SecurityLog.Kind.PASSWORD_RESET, memberId, memberId, "", null);
        });
        sessions.ifAvailable(repository ->
                repository.findByPrincipalName(account.email()).keySet().forEach(repository::deleteById));
    }
}
