package org.collaborative.app.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.ErasureReason;
import org.collaborative.events.member.InvitationAccepted;
import org.collaborative.events.member.InvitationAcceptedBySingleSignOn;
import org.collaborative.events.member.InvitationResent;
import org.collaborative.events.member.InvitationRevoked;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberInvited;
import org.collaborative.events.member.MemberProfileChanged;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRegisteredBySingleSignOn;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.member.MemberSelfRegistered;
import org.collaborative.events.member.RegistrationApproved;
import org.collaborative.events.member.RegistrationDeclined;
import org.collaborative.events.member.SingleSignOnProvider;
import org.collaborative.events.organisation.RegistrationApproval;

/**
 * A person's place in the workspace: their organisation and role, and their personal details, which its events carry
 * only sealed with the member's own key ({@link PersonalDataVault}). Erasure destroys that key.
 */
@Aggregate
public class Member {

    /** Who acted when the operator's command line did: the security log and the events say so. */
    public static final String OPERATOR = "operator";

    public static final int MAX_NAME = 100;
    public static final int MAX_JOB_TITLE = 100;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_REFERENCE = 40;
    /** What an email address must look like (without anchors, for forms' {@code @Pattern} to name too). */
    public static final String EMAIL_FORMAT = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private static final Pattern EMAIL = Pattern.compile("^" + EMAIL_FORMAT + "$");
    /** What a case reference may hold: letters, numbers, hyphens and slashes, so never a name or an address. */
    public static final String REFERENCE_CHARACTERS = "^[A-Za-z0-9/-]*$";

    private static final Pattern REFERENCE = Pattern.compile(REFERENCE_CHARACTERS);

    @AggregateIdentifier
    private String memberId;

    private String organisationId;
    private MemberRole role;
    private boolean erased;
    /** Invited and not yet accepted. */
    private boolean invited;
    /** Registered themselves and waiting for approval. */
    private boolean awaitingApproval;

    protected Member() {}

    @CommandHandler
    public Member(RegisterMember command, PersonalDataVault vault) {
        DomainRules.require("organisation", command.organisationId());
        DomainRules.require("role", command.role());
        PersonalDetails clean = clean(command.details());
        apply(new MemberRegistered(
                command.memberId(),
                command.organisationId(),
                command.role(),
                command.at(),
                vault.seal(command.memberId(), clean)));
    }

    /**
     * Registers a person by invitation: {@link MemberRegistered} with their sealed details, then {@link MemberInvited};
     * they cannot sign in until they accept. Administrators invite to any organisation in any role; an organisation
     * administrator only to their own organisation and never as an administrator; the operator (no actor) only the
     * first administrator.
     */
    @CommandHandler
    public Member(InviteMember command, PersonalDataVault vault) {
        DomainRules.require("organisation", command.organisationId());
        DomainRules.require("role", command.role());
        requireMayInvite(command.actor(), command.organisationId(), command.role());
        PersonalDetails clean = clean(command.details());
        apply(new MemberRegistered(
                command.memberId(),
                command.organisationId(),
                command.role(),
                command.at(),
                vault.seal(command.memberId(), clean)));
        apply(new MemberInvited(
                command.memberId(), command.organisationId(), command.role(), by(command.actor()), command.at()));
    }

    /**
     * Registers a person who registered themselves and confirmed their address: {@link MemberRegistered} with their
     * sealed details, then {@link MemberSelfRegistered}, as a service leader of the organisation whose email domain
     * their address is at ({@link EmailDomainDirectory}), approved at once or waiting, as that organisation chose.
     */
    @CommandHandler
    public Member(SelfRegisterMember command, PersonalDataVault vault, EmailDomainDirectory domains) {
        PersonalDetails clean = clean(command.details());
        EmailDomainDirectory.EmailDomain domain = domains.forEmail(clean.email())
                .orElseThrow(() -> new InvalidInputException(
                        "email", "Your email address is not at the domain of an organisation that takes part"));
        MemberRole role = MemberRole.SERVICE_LEADER;
        apply(new MemberRegistered(
                command.memberId(),
                domain.organisationId(),
                role,
                command.at(),
                vault.seal(command.memberId(), clean)));
        apply(new MemberSelfRegistered(
                command.memberId(), domain.organisationId(), role, domain.approval(), command.at()));
    }

    /**
     * Registers a person at their first single sign-on: {@link MemberRegistered} with their sealed details, then
     * {@link MemberRegisteredBySingleSignOn}, as a service leader of the organisation given, approved at once or
     * waiting as that organisation chose for self-registration ({@link #approvalOf}). An address at a domain of
     * another organisation is refused whatever the provider, so that no tenant can take the address of another
     * council's person; with a generic provider the address's domain must be the organisation's own.
     */
    @CommandHandler
    public Member(RegisterMemberBySingleSignOn command, PersonalDataVault vault, EmailDomainDirectory domains) {
        DomainRules.require("organisation", command.organisationId());
        DomainRules.require("provider", command.provider());
        PersonalDetails clean = clean(command.details());
        java.util.Optional<EmailDomainDirectory.EmailDomain> domain = domains.forEmail(clean.email());
        boolean ownDomain = domain.map(d -> d.organisationId().equals(command.organisationId()))
                .orElse(false);
        if (domain.isPresent() && !ownDomain) {
            throw new RuleBrokenException("The email address is at the domain of another organisation");
        }
        if (command.provider() == SingleSignOnProvider.GENERIC && !ownDomain) {
            throw new InvalidInputException(
                    "email", "Your email address is not at the domain of an organisation that takes part");
        }
        MemberRole role = MemberRole.SERVICE_LEADER;
        apply(new MemberRegistered(
                command.memberId(),
                command.organisationId(),
                role,
                command.at(),
                vault.seal(command.memberId(), clean)));
        apply(new MemberRegisteredBySingleSignOn(
                command.memberId(),
                command.organisationId(),
                role,
                approvalOf(command.organisationId(), domains),
                command.provider(),
                command.issuer() == null ? "" : command.issuer(),
                command.tenantId() == null ? "" : command.tenantId(),
                command.at()));
    }

    /**
     * How an organisation approves newcomers: as it chose with its email domains; an organisation that listed none
     * has chosen nothing, so its administrators approve each one.
     */
    static RegistrationApproval approvalOf(String organisationId, EmailDomainDirectory domains) {
        return domains.all().stream()
                .filter(domain -> domain.organisationId().equals(organisationId))
                .map(EmailDomainDirectory.EmailDomain::approval)
                .findFirst()
                .orElse(RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR);
    }

    @CommandHandler
    void handle(ApproveRegistration command) {
        requireAwaitingApproval();
        requireMayApprove(command.actor());
        apply(new RegistrationApproved(memberId, organisationId, command.actor().memberId(), command.at()));
    }

    @CommandHandler
    void handle(DeclineRegistration command) {
        requireAwaitingApproval();
        requireMayApprove(command.actor());
        apply(new RegistrationDeclined(memberId, organisationId, command.actor().memberId(), command.at()));
        apply(new MemberErased(
                memberId,
                organisationId,
                ErasureReason.REGISTRATION_DECLINED,
                "",
                command.actor().memberId(),
                command.at()));
    }

    private void requireAwaitingApproval() {
        requireNotErased();
        if (!awaitingApproval) {
            throw new RegistrationNotPendingException();
        }
    }

    private void requireMayApprove(Actor actor) {
        if (actor.role() == MemberRole.ADMINISTRATOR) {
            return;
        }
        if (actor.role() != MemberRole.ORGANISATION_ADMINISTRATOR) {
            throw new RuleBrokenException(
                    "Only an administrator or an organisation administrator can approve registrations");
        }
        if (!actor.organisationId().equals(organisationId)) {
            throw new RuleBrokenException("You can only approve registrations to your own organisation");
        }
    }

    @CommandHandler
    void handle(ResendInvitation command) {
        requirePendingInvitation();
        requireMayInvite(command.actor(), organisationId, role);
        apply(new InvitationResent(memberId, by(command.actor()), command.at()));
    }

    @CommandHandler
    void handle(RevokeInvitation command) {
        requirePendingInvitation();
        requireMayInvite(command.actor(), organisationId, role);
        apply(new InvitationRevoked(memberId, by(command.actor()), command.at()));
        apply(new MemberErased(
                memberId, organisationId, ErasureReason.INVITATION_REVOKED, "", by(command.actor()), command.at()));
    }

    @CommandHandler
    void handle(AcceptInvitation command) {
        requirePendingInvitation();
        apply(new InvitationAccepted(memberId, command.at()));
    }

    @CommandHandler
    void handle(AcceptInvitationBySingleSignOn command) {
        requirePendingInvitation();
        DomainRules.require("provider", command.provider());
        apply(new InvitationAcceptedBySingleSignOn(
                memberId,
                command.provider(),
                command.issuer() == null ? "" : command.issuer(),
                command.tenantId() == null ? "" : command.tenantId(),
                command.at()));
    }

    @CommandHandler
    void handle(MakeFirstAdministrator command) {
        requireNotErased();
        if (role != MemberRole.ADMINISTRATOR) {
            apply(new MemberRoleChanged(memberId, role, MemberRole.ADMINISTRATOR, OPERATOR, command.at()));
        }
    }

    private static PersonalDetails clean(PersonalDetails given) {
        PersonalDetails details = given == null ? new PersonalDetails(null, null, null) : given;
        requireName(details.displayName(), "Enter a display name");
        if (details.email() == null || !EMAIL.matcher(details.email().strip()).matches()) {
            throw new InvalidInputException(
                    "email", "Enter an email address in the correct format, like name@example.com");
        }
        if (details.email().strip().length() > MAX_EMAIL) {
            throw new InvalidInputException("email", "Email address must be " + MAX_EMAIL + " characters or fewer");
        }
        requireJobTitle(details.jobTitle());
        return new PersonalDetails(
                details.displayName().strip(),
                details.email().strip().toLowerCase(java.util.Locale.ROOT),
                strip(details.jobTitle()));
    }

    private static void requireMayInvite(Actor actor, String organisationId, MemberRole role) {
        if (actor == null) {
            if (role != MemberRole.ADMINISTRATOR) {
                throw new RuleBrokenException("The command line only creates the first administrator");
            }
            return;
        }
        if (actor.role() == MemberRole.ADMINISTRATOR) {
            return;
        }
        if (actor.role() != MemberRole.ORGANISATION_ADMINISTRATOR) {
            throw new RuleBrokenException("Only an administrator or an organisation administrator can invite people");
        }
        if (!actor.organisationId().equals(organisationId)) {
            throw new RuleBrokenException("You can only invite people to your own organisation");
        }
        if (role == MemberRole.ADMINISTRATOR) {
            throw new InvalidInputException("role", "Only an administrator can invite another administrator");
        }
    }

    private void requirePendingInvitation() {
        requireNotErased();
        if (!invited) {
            throw new InvitationNotPendingException();
        }
    }

    private static String by(Actor actor) {
        return actor == null ? OPERATOR : actor.memberId();
    }

    @CommandHandler
    void handle(ChangeMemberProfile command, PersonalDataVault vault) {
        requireNotErased();
        if (!memberId.equals(command.actor().memberId())) {
            throw new RuleBrokenException("You can only change your own profile");
        }
        requireName(command.displayName(), "Enter the name you want to be shown by");
        requireJobTitle(command.jobTitle());
        PersonalDetails changed = new PersonalDetails(command.displayName().strip(), null, strip(command.jobTitle()));
        apply(new MemberProfileChanged(memberId, vault.seal(memberId, changed), command.at()));
    }

    @CommandHandler
    void handle(ChangeMemberRole command) {
        requireNotErased();
        requireAdministrator(command.actor(), "change a member's role");
        DomainRules.require("role", command.role());
        if (memberId.equals(command.actor().memberId())) {
            throw new RuleBrokenException("You cannot change your own role; ask another administrator");
        }
        if (command.role() != role) {
            apply(new MemberRoleChanged(
                    memberId, role, command.role(), command.actor().memberId(), command.at()));
        }
    }

    @CommandHandler
    void handle(EraseMember command) {
        requireNotErased();
        requireAdministrator(command.actor(), "erase a member");
        if (memberId.equals(command.actor().memberId())) {
            throw new RuleBrokenException("You cannot erase your own account; ask another administrator");
        }
        DomainRules.require("reason", command.reason());
        String reference =
                command.reference() == null ? "" : command.reference().strip();
        if (reference.length() > MAX_REFERENCE) {
            throw new InvalidInputException("reference", "Reference must be " + MAX_REFERENCE + " characters or fewer");
        }
        if (!REFERENCE.matcher(reference).matches()) {
            throw new InvalidInputException(
                    "reference",
                    "Reference must only include letters, numbers, hyphens and slashes, not a name or address");
        }
        apply(new MemberErased(
                memberId,
                organisationId,
                command.reason(),
                reference,
                command.actor().memberId(),
                command.at()));
    }

    private static void requireName(String name, String whenMissing) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("displayName", whenMissing);
        }
        if (name.strip().length() > MAX_NAME) {
            throw new InvalidInputException("displayName", "Name must be " + MAX_NAME + " characters or fewer");
        }
        requirePrintable("displayName", "Name", name);
    }

    private static void requireJobTitle(String jobTitle) {
        if (jobTitle != null && jobTitle.strip().length() > MAX_JOB_TITLE) {
            throw new InvalidInputException("jobTitle", "Job title must be " + MAX_JOB_TITLE + " characters or fewer");
        }
        if (jobTitle != null) {
            requirePrintable("jobTitle", "Job title", jobTitle);
        }
    }

    /**
     * A name or job title is one line of text people read: no control characters (a line break, a bell, a NUL). The
     * account directory keeps these in PostgreSQL text, which cannot hold a NUL at all: found by the request fuzzer,
     * a profile saved with one was a 500 (and the event's projection into the directory could never be written).
     */
    private static void requirePrintable(String field, String label, String text) {
        if (text.strip().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, label + " must not include control characters such as line breaks");
        }
    }

    private void requireNotErased() {
        if (erased) {
            throw new MemberErasedException();
        }
    }

    private static void requireAdministrator(Actor actor, String doing) {
        if (actor.role() != MemberRole.ADMINISTRATOR) {
            throw new RuleBrokenException("Only an administrator can " + doing);
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? "" : text.strip();
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        organisationId = event.organisationId();
        role = event.role();
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(MemberErased event) {
        erased = true;
        invited = false;
        awaitingApproval = false;
    }

    @EventSourcingHandler
    void on(MemberInvited event) {
        invited = true;
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        invited = false;
    }

    @EventSourcingHandler
    void on(InvitationAcceptedBySingleSignOn event) {
        invited = false;
    }

    @EventSourcingHandler
    void on(MemberRegisteredBySingleSignOn event) {
        awaitingApproval = event.approval() != RegistrationApproval.AT_ONCE;
    }

    @EventSourcingHandler
    void on(MemberSelfRegistered event) {
        awaitingApproval = event.approval() != RegistrationApproval.AT_ONCE;
    }

    @EventSourcingHandler
    void on(RegistrationApproved event) {
        awaitingApproval = false;
    }

    /** The member has no registration waiting: it was approved, or they joined another way. */
    public static class RegistrationNotPendingException extends RuleBrokenException {
        public RegistrationNotPendingException() {
            super("This person has no registration waiting: it has already been approved or declined");
        }
    }

    /** The member has no invitation waiting: they accepted it, or were never invited. */
    public static class InvitationNotPendingException extends RuleBrokenException {
        public InvitationNotPendingException() {
            super("This person has no invitation waiting: they have already accepted it");
        }
    }

    /** The member's personal data has been erased: nothing more can be done to them. */
    public static class MemberErasedException extends RuleBrokenException {
        public MemberErasedException() {
            super("This member's personal data has been erased");
        }
    }
}
