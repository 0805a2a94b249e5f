package org.collaborative.app.web.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.events.member.MemberRole;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations as JSON, for administrators and organisation administrators (their own organisation): the same rules
 * and emails as the invitations page. Refusals are problem details.
 */
@RestController
@RequestMapping("/api/invitations")
@Tag(name = "Invitations")
class InvitationApi {

    /** Who to invite. */
    record NewInvitation(String name, String email, String organisationId, MemberRole role, String jobTitle) {}

    /** An invitation waiting to be accepted. */
    record Pending(
            String memberId,
            String name,
            String email,
            String organisationId,
            MemberRole role,
            String jobTitle,
            Instant invitedAt) {}

    /** What was done. */
    record Sent(String memberId, boolean emailed) {}

    private final Invitations invitations;
    private final Accounts accounts;

    InvitationApi(Invitations invitations, Accounts accounts) {
        this.invitations = invitations;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Invitations waiting to be accepted (an organisation administrator sees their organisation's)")
    List<Pending> pending(@AuthenticationPrincipal WorkspaceUser user) {
        requireInviter(user);
        String organisation = user.role() == MemberRole.ORGANISATION_ADMINISTRATOR ? user.organisationId() : null;
        return accounts.pendingInvitations(organisation).stream()
                .map(p -> new Pending(
                        p.memberId(),
                        p.displayName(),
                        p.email(),
                        p.organisationId(),
                        p.role(),
                        p.jobTitle(),
                        p.invitedAt()))
                .toList();
    }

    @PostMapping
    @Operation(summary = "Invite someone by email, with a role and organisation: they get a link to choose a password")
    ResponseEntity<Sent> invite(@RequestBody NewInvitation invitation, @AuthenticationPrincipal WorkspaceUser user) {
        requireInviter(user);
        if (invitation.role() == null) {
            throw new InvalidInputException("role", "Choose a role");
        }
        Invitations.Invited invited = invitations.invite(
                InvitationController.actor(user),
                new Invitations.Invite(
                        invitation.name(),
                        invitation.email(),
                        invitation.organisationId(),
                        invitation.role(),
                        invitation.jobTitle()));
        return ResponseEntity.created(URI.create("/api/invitations"))
                .body(new Sent(invited.memberId(), invited.emailed()));
    }

    @PostMapping("/{memberId}/resend")
    @Operation(summary = "Send a pending invitation again with a new link (the earlier link stops working)")
    Sent resend(@PathVariable String memberId, @AuthenticationPrincipal WorkspaceUser user) {
        requireInviter(user);
        return new Sent(memberId, invitations.resend(InvitationController.actor(user), memberId));
    }

    @DeleteMapping("/{memberId}")
    @Operation(summary = "Revoke a pending invitation: the link stops working and the person's details are erased")
    ResponseEntity<Void> revoke(@PathVariable String memberId, @AuthenticationPrincipal WorkspaceUser user) {
        requireInviter(user);
        invitations.revoke(InvitationController.actor(user), memberId);
        return ResponseEntity.noContent().build();
    }

    private static void requireInviter(WorkspaceUser user) {
        if (user.role() != MemberRole.ADMINISTRATOR && user.role() != MemberRole.ORGANISATION_ADMINISTRATOR) {
            throw new AccessDeniedException("Only administrators and organisation administrators manage invitations");
        }
    }
}
