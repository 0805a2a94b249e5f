package org.collaborative.app.onboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.ApproveRegistration;
import org.collaborative.app.member.DeclineRegistration;
import org.collaborative.app.member.SelfRegisterMember;
import org.collaborative.app.onboarding.Invitations.LinkNotValidException;
import org.collaborative.app.onboarding.LinkTokens.Purpose;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-registration by council email domain (docs/adr/0025). Someone whose address is at a participating
 * organisation's domain ({@link EmailDomainDirectory}) asks to register; a registration request is kept (not yet an
 * event) and a signed, single-use, expiring link is emailed to confirm the address. Following it they choose a
 * password and become a member ({@link SelfRegisterMember}): at once, or waiting for approval by an administrator of
 * their organisation, as the organisation chose. Asking answers the same whether or not the address has an account
 * (one that has gets an email saying so instead), and is limited per address and per client like a password reset.
 * Someone at any other domain is told who to ask, and nothing is recorded.
 */
@Component
public class Registrations {

    /** What asking to register led to, as the page tells it. */
    public enum Outcome {
        /** An email went, or would have, to the address: the same answer whether or not it has an account. */
        CHECK_YOUR_EMAIL,
        /** The address is not at a participating organisation's domain: nothing was recorded. */
        NOT_PARTICIPATING
    }

    /** A person asking to register, with the organisation their domain belongs to. */
    public record Registrant(
            UUID registrationId, String displayName, String email, String jobTitle, String organisationId) {}

    /** What confirming did: the new member, and whether they can sign in now or wait for approval. */
    public record Confirmed(String memberId, boolean waitingForApproval) {}

    private final CommandGateway commands;
    private final Accounts accounts;
    private final EmailDomainDirectory domains;
    private final OrganisationViews organisations;
    private final SignedLinks links;
    private final OnboardingMailer mailer;
    private final PasswordRules rules;
    private final PasswordEncoder passwords;
    private final EmailRequestLimits limits;
    private final EmailRequestLimits.Limits registrationLimits;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration validFor;

    Registrations(
            CommandGateway commands,
            Accounts accounts,
            EmailDomainDirectory domains,
            OrganisationViews organisations,
            SignedLinks links,
            OnboardingMailer mailer,
            PasswordRules rules,
            PasswordEncoder passwords,
            EmailRequestLimits limits,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${collaborative.onboarding.confirmation-valid-for:24h}") Duration validFor,
            @Value("${collaborative.onboarding.registration-limit.per-address:3}") int perAddress,
            @Value("${collaborative.onboarding.registration-limit.per-client:20}") int perClient,
            @Value("${collaborative.onboarding.registration-limit.window:1h}") Duration window) {
        this.commands = commands;
        this.accounts = accounts;
        this.domains = domains;
        this.organisations = organisations;
        this.links = links;
        this.mailer = mailer;
        this.rules = rules;
        this.passwords = passwords;
        this.limits = limits;
        this.registrationLimits = new EmailRequestLimits.Limits(perAddress, perClient, window);
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.validFor = validFor;
    }

    /**
     * Someone asks to register (name, email and job title already checked for shape by the page). Nothing is recorded
     * for an address at no participating organisation's domain.
     */
    public Outcome register(String name, String email, String jobTitle, String clientAddress) {
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<EmailDomainDirectory.EmailDomain> domain = domains.forEmail(address);
        if (domain.isEmpty()) {
            return Outcome.NOT_PARTICIPATING;
        }
        if (!limits.allow(EmailRequestLimits.Kind.REGISTRATION, address, clientAddress, registrationLimits)) {
            return Outcome.CHECK_YOUR_EMAIL;
        }
        Optional<Accounts.Account> existing = accounts.findByEmail(address);
        if (existing.isPresent()) {
            mailer.send(new OnboardingMailer.Email(
                    address,
                    existing.get().displayName(),
                    "You already have a Collaborative account",
                    "Someone (we hope you) asked to register for Collaborative with this email address, which already"
                            + " has an account. Sign in with it; if you have forgotten your password, you can reset"
                            + " it from the sign-in page.",
                    "Sign in to Collaborative",
                    mailer.url("/sign-in"),
                    "If you did not ask to register, you can ignore this email: nothing has changed."));
            return Outcome.CHECK_YOUR_EMAIL;
        }
        String organisationId = domain.get().organisationId();
        UUID registrationId = UUID.randomUUID();
        Instant now = clock.instant();
        String token = transaction.execute(status -> {
            jdbc.update("delete from registration_request where expires_at <= ?", Timestamp.from(now));
            jdbc.update("delete from registration_request where email = ?", address);
            jdbc.update(
                    "insert into registration_request (registration_id, organisation_id, email, display_name,"
                            + " job_title, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)",
                    registrationId,
                    organisationId,
                    address,
                    name.strip(),
                    jobTitle == null ? "" : jobTitle.strip(),
                    Timestamp.from(now),
                    Timestamp.from(now.plus(validFor)));
            return links.issueForRegistration(registrationId, validFor);
        });
        String organisation = organisationName(organisationId);
        mailer.send(new OnboardingMailer.Email(
                address,
                name.strip(),
                "Confirm your email address for Collaborative",
                "You asked to join Collaborative, the workspace where London's councils take on challenges together,"
                        + " as a member of " + organisation + ". Confirm that this is your email address and choose a"
                        + " password to finish registering.",
                "Confirm your email address",
                mailer.url("/register/confirm/" + token),
                "The link works once and stops working at " + OnboardingMailer.expiry(now.plus(validFor))
                        + ". If you did not ask to register, you can ignore this email: nothing is kept."));
        return Outcome.CHECK_YOUR_EMAIL;
    }

    /** The person a confirmation link is for, if the link still works: for the page that asks for a password. */
    public Optional<Registrant> registrant(String token) {
        return links.peek(token, Purpose.ADDRESS_CONFIRMATION).flatMap(id -> request(UUID.fromString(id)));
    }

    /**
     * Confirms the address and registers the member with the password chosen: the link used up, the member
     * registered ({@link SelfRegisterMember}), the password hash written and the request deleted in one transaction.
     * Throws {@link LinkNotValidException} for a link that no longer works and {@link InvalidInputException}
     * ({@code password}) for a password the rules refuse, leaving the link usable.
     */
    public Confirmed confirm(String token, String password, String confirmation) {
        Registrant registrant = registrant(token).orElseThrow(LinkNotValidException::new);
        Invitations.requireAcceptable(password, confirmation, registrant.email(), rules);
        if (accounts.findByEmail(registrant.email()).isPresent()) {
            throw new RuleBrokenException(
                    "This email address already has an account: sign in, or reset your password from the sign-in page");
        }
        String memberId = transaction.execute(status -> {
            String id = links.consume(token, Purpose.ADDRESS_CONFIRMATION).orElseThrow(LinkNotValidException::new);
            commands.sendAndWait(new SelfRegisterMember(
                    id,
                    new PersonalDetails(registrant.displayName(), registrant.email(), registrant.jobTitle()),
                    clock.instant()));
            accounts.setPassword(id, passwords.encode(password));
            jdbc.update("delete from registration_request where registration_id = ?", UUID.fromString(id));
            return id;
        });
        return new Confirmed(
                memberId, accounts.status(memberId).orElse(Accounts.Status.PENDING) == Accounts.Status.PENDING);
    }

    /** Registrations waiting for approval: an organisation administrator's organisation's, or all for others. */
    public List<Accounts.Invitee> pending(Actor actor) {
        return accounts.pendingRegistrations(
                actor.role() == MemberRole.ORGANISATION_ADMINISTRATOR ? actor.organisationId() : null);
    }

    /** Lets a waiting person in, and emails them that they can sign in. */
    public void approve(Actor actor, String memberId) {
        Optional<Accounts.Account> person = accounts.find(memberId);
        commands.sendAndWait(new ApproveRegistration(memberId, actor, clock.instant()));
        person.ifPresent(account -> mailer.send(new OnboardingMailer.Email(
                account.email(),
                account.displayName(),
                "Your Collaborative registration is approved",
                account.passwordHash() == null
                        ? "Your registration for Collaborative has been approved: you can sign in now with your"
                                + " organisation's account, as you did to register."
                        : "Your registration for Collaborative has been approved: you can sign in now with your email"
                                + " address and the password you chose.",
                "Sign in to Collaborative",
                mailer.url("/sign-in"),
                account.passwordHash() == null
                        ? "Use the sign-in page's button for your organisation's account."
                        : "If you have forgotten your password, you can reset it from the sign-in page.")));
    }

    /** The most a reason for declining may hold. */
    public static final int MAX_REASON = 500;

    /**
     * Declines a waiting registration: the person is erased (nothing is kept of someone who never joined) and emailed
     * the reason given, which is kept nowhere else.
     */
    public void decline(Actor actor, String memberId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "Enter why you are declining the registration");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "The reason must be " + MAX_REASON + " characters or fewer");
        }
        Optional<Accounts.Account> person = accounts.find(memberId);
        commands.sendAndWait(new DeclineRegistration(memberId, actor, clock.instant()));
        person.ifPresent(account -> mailer.send(new OnboardingMailer.Email(
                account.email(),
                account.displayName(),
                "Your Collaborative registration was declined",
                "Your registration for Collaborative was declined, for this reason: " + why
                        + " Your details have been deleted.",
                "Read about Collaborative",
                mailer.url("/sign-in"),
                "If you think this is a mistake, ask your organisation's Collaborative administrator.")));
    }

    private Optional<Registrant> request(UUID registrationId) {
        return jdbc
                .query(
                        "select * from registration_request where registration_id = ? and expires_at > ?",
                        (row, i) -> new Registrant(
                                registrationId,
                                row.getString("display_name"),
                                row.getString("email"),
                                row.getString("job_title"),
                                row.getString("organisation_id")),
                        registrationId,
                        Timestamp.from(clock.instant()))
                .stream()
                .findFirst();
    }

    /** An organisation's name as people know it, for an email. */
    public String organisationName(String organisationId) {
        return Optional.ofNullable(organisations.byId(List.of(organisationId)).get(organisationId))
                .map(OrganisationCard::name)
                .orElse("your organisation");
    }
}
