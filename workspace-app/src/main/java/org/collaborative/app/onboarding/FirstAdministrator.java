package org.collaborative.app.onboarding;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.MakeFirstAdministrator;
import org.collaborative.app.member.Member;
import org.collaborative.app.personaldata.SecurityLog;
import org.collaborative.events.member.MemberRole;
import org.springframework.stereotype.Component;

/**
 * The operator's way in to a new install ({@code create-administrator}, see {@link OperatorCommand}): invites the first
 * administrator (the email carries the link to set a password), or makes an existing member one. It refuses when an
 * administrator exists already, saying who, so it cannot be used to add administrators behind the others' backs: from
 * then on administrators appoint administrators. Every run is in the security log.
 */
@Component
public class FirstAdministrator {

    /** What the command line prints and exits with. */
    public record Outcome(int exitStatus, String message) {}

    private final Accounts accounts;
    private final OrganisationDirectory organisations;
    private final Invitations invitations;
    private final CommandGateway commands;
    private final SecurityLog log;
    private final Clock clock;

    FirstAdministrator(
            Accounts accounts,
            OrganisationDirectory organisations,
            Invitations invitations,
            CommandGateway commands,
            SecurityLog log,
            Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.invitations = invitations;
        this.commands = commands;
        this.log = log;
        this.clock = clock;
    }

    public Outcome create(String email, String name, String organisationId, String jobTitle) {
        if (email == null || email.isBlank()) {
            return new Outcome(OperatorCommand.USAGE_ERROR, "Give the administrator's address: --email=<address>");
        }
        List<Accounts.Account> administrators = accounts.administrators();
        if (!administrators.isEmpty()) {
            Accounts.Account first = administrators.get(0);
            String status = accounts.status(first.memberId())
                    .map(s -> s == Accounts.Status.INVITED ? "invited, has not set a password yet" : "active")
                    .orElse("");
            log.append(
                    clock.instant(),
                    SecurityLog.Kind.FIRST_ADMINISTRATOR,
                    null,
                    Member.OPERATOR,
                    "Refused: " + administrators.size() + " administrator(s) exist",
                    null);
            return new Outcome(
                    OperatorCommand.REFUSED,
                    "Nothing was changed: this workspace already has " + administrators.size() + " administrator"
                            + (administrators.size() == 1 ? "" : "s") + ", the first " + first.displayName() + " <"
                            + first.email() + "> (member " + first.memberId() + ", " + status + ")."
                            + " Administrators appoint other administrators at /admin/members.");
        }
        Optional<Accounts.Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            Accounts.Account member = existing.get();
            commands.sendAndWait(new MakeFirstAdministrator(member.memberId(), clock.instant()));
            log.append(
                    clock.instant(),
                    SecurityLog.Kind.FIRST_ADMINISTRATOR,
                    member.memberId(),
                    Member.OPERATOR,
                    "Existing member made administrator",
                    null);
            return new Outcome(
                    OperatorCommand.DONE,
                    "Made " + member.displayName() + " <" + member.email() + "> (member " + member.memberId()
                            + ") an administrator. They sign in as before.");
        }
        if (!organisations.exists(organisationId)) {
            return new Outcome(
                    OperatorCommand.USAGE_ERROR,
                    "No organisation \"" + organisationId + "\": give --organisation=<id>, such as london-councils or"
                            + " a council's ONS code (E09000007 for Camden).");
        }
        try {
            Invitations.Invited invited = invitations.invite(
                    null, new Invitations.Invite(name, email, organisationId, MemberRole.ADMINISTRATOR, jobTitle));
            log.append(
                    clock.instant(),
                    SecurityLog.Kind.FIRST_ADMINISTRATOR,
                    invited.memberId(),
                    Member.OPERATOR,
                    "Invited as the first administrator",
                    null);
            return new Outcome(
                    OperatorCommand.DONE,
                    "Invited " + email.strip() + " as the first administrator (member " + invited.memberId() + ")."
                            + (invited.emailed()
                                    ? " The invitation was emailed: they follow its link to choose a password."
                                    : " No email could be sent (is SMTP configured?): give them this link, which"
                                            + " works once: " + invited.link()));
        } catch (RuleBrokenException refused) {
            return new Outcome(OperatorCommand.USAGE_ERROR, "Nothing was changed: " + refused.getMessage());
        }
    }

    void print(Outcome outcome, PrintStream out) {
        out.println(outcome.message());
    }
}
