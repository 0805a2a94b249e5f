package org.collaborative.app.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.AcceptInvitation;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.InviteMember;
import org.collaborative.app.member.ResendInvitation;
import org.collaborative.app.member.RevokeInvitation;
import org.collaborative.app.member.Roles;
import org.collaborative.app.onboarding.LinkTokens.Purpose;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.MemberRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inviting people: the {@link InviteMember} command (which holds the rules on who may invite whom), then a signed,
 * single-use link emailed to the person, with which they set a password and accept ({@link AcceptInvitation}).
 * Refusals are thrown as the command's are ({@link RuleBrokenException}), for pages and the API to show.
 */
@Component
public class Invitations {

    /** Who to invite, as typed. */
    public record Invite(String name, String email, String organisationId, MemberRole role, String jobTitle) {}

    /**
     * What an invitation produced: the new member's id, whether the email went (false without SMTP), and the link it
     * carried, which only the operator's command line shows (when there was no email to send it in).
     */
    public record Invited(String memberId, boolean emailed, String link) {

        @Override
        public String toString() {
            return "Invited[" + memberId + ", emailed=" + emailed + "]";
        }
    }

    private final CommandGateway commands;
    private final Accounts accounts;
    private final OrganisationDirectory organisations;
    private final SignedLinks links;
    private final OnboardingMailer mailer;
    private final PasswordRules rules;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration validFor;

    Invitations(
            CommandGateway commands,
            Accounts accounts,
            OrganisationDirectory organisations,
            SignedLinks links,
            OnboardingMailer mailer,
            PasswordRules rules,
            PasswordEncoder passwords,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${collaborative.onboarding.invitation-valid-for:7d}") Duration validFor) {
        this.commands = commands;
        this.accounts = accounts;
        this.organisations = organisations;
        this.links = links;
        this.mailer = mailer;
        this.rules = rules;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** Invites someone ({@code actor} null: the operator's first administrator) and emails them their link. */
    public Invited invite(Actor actor, Invite invite) {
        if (invite.email() != null && accounts.findByEmail(invite.email()).isPresent()) {
            throw new InvalidInputException("email", "Someone with this email address already has an account");
        }
        if (invite.organisationId() != null && !organisations.exists(invite.organisationId())) {
            throw new InvalidInputException("organisationId", "Choose an organisation from the list");
        }
        String memberId = UUID.randomUUID().toString();
        commands.sendAndWait(new InviteMember(
                memberId,
                invite.organisationId(),
                invite.role(),
                new PersonalDetails(invite.name(), invite.email(), invite.jobTitle()),
                actor,
                clock.instant()));
        return email(memberId, actor);
    }

    /** Sends a pending invitation again with a new link; the earlier links stop working. */
    public boolean resend(Actor actor, String memberId) {
        commands.sendAndWait(new ResendInvitation(memberId, actor, clock.instant()));
        return email(memberId, actor).emailed();
    }

    /** Withdraws a pending invitation: its links stop working and the person's details are erased. */
    public void revoke(Actor actor, String memberId) {
        commands.sendAndWait(new RevokeInvitation(memberId, actor, clock.instant()));
    }

    /** The invited person a link is for, if the link still works: for the page that asks for their password. */
    public Optional<Accounts.Account> invitee(String token) {
        return links.peek(token, Purpose.INVITATION).flatMap(accounts::find);
    }

    /**
     * Accepts the invitation a link is for, setting the password: the link is used up, the password hash written and
     * {@link AcceptInvitation} recorded in one transaction. Throws {@link LinkNotValidException} for a link that is
     * forged, expired, used or withdrawn, and {@link InvalidInputException} ({@code password}) for a password the
     * rules refuse, leaving the link usable.
     */
    public String accept(String token, String password, String confirmation) {
        Accounts.Account invitee = invitee(token).orElseThrow(LinkNotValidException::new);
        requireAcceptable(password, confirmation, invitee.email(), rules);
        return transaction.execute(status -> {
            String memberId = links.consume(token, Purpose.INVITATION).orElseThrow(LinkNotValidException::new);
            accounts.setPassword(memberId, passwords.encode(password));
            commands.sendAndWait(new AcceptInvitation(memberId, clock.instant()));
            return memberId;
        });
    }

    static void requireAcceptable(String password, String confirmation, String email, PasswordRules rules) {
        rules.problem(password, email).ifPresent(problem -> {
            throw new InvalidInputException("password", problem);
        });
        if (!password.equals(confirmation)) {
            throw new InvalidInputException("confirmation", "Enter the same password twice");
        }
    }

    private Invited email(String memberId, Actor actor) {
        Accounts.Account to = accounts.find(memberId).orElseThrow();
        String token = links.issue(memberId, Purpose.INVITATION, validFor);
        String inviter = actor == null
                ? "The workspace's operator"
                : accounts.find(actor.memberId())
                        .map(Accounts.Account::displayName)
                        .orElse("An administrator");
        String link = mailer.url("/invitations/" + token);
        boolean sent = mailer.send(new OnboardingMailer.Email(
                to.email(),
                to.displayName(),
                "You are invited to Collaborative",
                inviter + " has invited you to Collaborative, the workspace where London's councils take on"
                        + " challenges together, as " + Roles.label(to.role()).toLowerCase(java.util.Locale.UK)
                        + ". Choose a password to accept the invitation (if your council has single sign-on, you can"
                        + " sign in with it instead).",
                "Accept the invitation and choose a password",
                link,
                "The link works once and stops working at "
                        + OnboardingMailer.expiry(clock.instant().plus(validFor))
                        + ". If you did not expect this invitation, you can ignore this email."));
        return new Invited(memberId, sent, link);
    }

    /** A link that is forged, expired, already used or withdrawn. */
    public static class LinkNotValidException extends RuleBrokenException {
        public LinkNotValidException() {
            super("This link has expired or has already been used");
        }
    }
}
