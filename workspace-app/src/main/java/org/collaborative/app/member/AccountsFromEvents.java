package org.collaborative.app.member;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.InvitationAccepted;
import org.collaborative.events.member.InvitationAcceptedBySingleSignOn;
import org.collaborative.events.member.InvitationResent;
import org.collaborative.events.member.MemberInvited;
import org.collaborative.events.member.MemberProfileChanged;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRegisteredBySingleSignOn;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.member.MemberSelfRegistered;
import org.collaborative.events.member.RegistrationApproved;
import org.collaborative.events.organisation.RegistrationApproval;
import org.springframework.stereotype.Component;

/**
 * Keeps each member's account row up to date with their events, in the same transaction (the subscribing
 * "command-directory" processor): the personal details are opened from the sealed event through the vault, the role
 * copied. The sign-in row itself (with the password hash, which never enters an event) is created at registration.
 */
@Component
@ProcessingGroup("command-directory")
class AccountsFromEvents {

    private final Accounts accounts;
    private final PersonalDataVault vault;

    AccountsFromEvents(Accounts accounts, PersonalDataVault vault) {
        this.accounts = accounts;
        this.vault = vault;
    }

    @EventHandler
    void on(MemberRegistered event) {
        vault.open(event.memberId(), event.personalData())
                .ifPresent(details -> accounts.recordRegistration(
                        event.memberId(),
                        event.organisationId(),
                        event.role(),
                        details.displayName(),
                        details.email(),
                        details.jobTitle()));
    }

    @EventHandler
    void on(MemberInvited event) {
        accounts.changeStatus(event.memberId(), Accounts.Status.INVITED, event.invitedAt());
    }

    @EventHandler
    void on(InvitationResent event) {
        accounts.changeStatus(event.memberId(), Accounts.Status.INVITED, event.resentAt());
    }

    @EventHandler
    void on(InvitationAccepted event) {
        accounts.changeStatus(event.memberId(), Accounts.Status.ACTIVE, null);
    }

    @EventHandler
    void on(InvitationAcceptedBySingleSignOn event) {
        accounts.changeStatus(event.memberId(), Accounts.Status.ACTIVE, null);
    }

    @EventHandler
    void on(MemberSelfRegistered event) {
        accounts.changeStatus(
                event.memberId(),
                event.approval() == RegistrationApproval.AT_ONCE ? Accounts.Status.ACTIVE : Accounts.Status.PENDING,
                null);
    }

    @EventHandler
    void on(MemberRegisteredBySingleSignOn event) {
        accounts.changeStatus(
                event.memberId(),
                event.approval() == RegistrationApproval.AT_ONCE ? Accounts.Status.ACTIVE : Accounts.Status.PENDING,
                null);
    }

    @EventHandler
    void on(RegistrationApproved event) {
        accounts.changeStatus(event.memberId(), Accounts.Status.ACTIVE, null);
    }

    @EventHandler
    void on(MemberProfileChanged event) {
        PersonalDetails details = vault.open(event.memberId(), event.personalData())
                .orElseThrow(() -> new IllegalStateException("No key for member " + event.memberId()));
        accounts.updateDetails(event.memberId(), details.displayName(), null, details.jobTitle());
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        accounts.changeRole(event.memberId(), event.role());
    }
}
