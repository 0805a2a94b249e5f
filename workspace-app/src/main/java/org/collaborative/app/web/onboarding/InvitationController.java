package org.collaborative.app.web.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.Member;
import org.collaborative.app.member.Roles;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators and organisation administrators invite people and manage the invitations still waiting: resend one
 * (a new link; the old one stops working) or revoke it. Organisation administrators see and invite for their own
 * organisation only (the {@code Member} aggregate holds that rule; the page only offers what they may choose).
 */
@Controller
@RequestMapping("/admin/invitations")
class InvitationController {

    /**
     * The invitation form, validated whole before anyone is invited (docs/adr/0005), with the limits of the
     * {@code Member} aggregate; shown again as typed with its errors.
     */
    record InviteForm(
            @NotBlank(message = "Enter the person’s full name")
            @Size(
                    max = Member.MAX_NAME,
                    message = "Their name must be ${formatter.format('%,d', max)} characters or fewer")
            String name,

            @NotBlank(message = "Enter the person’s email address")
            @Pattern(
                    regexp = "\\s*(" + Member.EMAIL_FORMAT + ")?\\s*",
                    message = "Enter an email address in the correct format, like name@example.com")
            @Size(
                    max = Member.MAX_EMAIL,
                    message = "The email address must be ${formatter.format('%,d', max)} characters or fewer")
            String email,

            @NotBlank(message = "Choose the person’s organisation")
            String organisationId,

            @NotNull(message = "Choose a role") MemberRole role,

            @Size(
                    max = Member.MAX_JOB_TITLE,
                    message = "Their job title must be ${formatter.format('%,d', max)} characters or fewer")
            String jobTitle) {

        static InviteForm blank(WorkspaceUser user) {
            return new InviteForm(
                    "",
                    "",
                    user.role() == MemberRole.ORGANISATION_ADMINISTRATOR ? user.organisationId() : "",
                    MemberRole.SERVICE_LEADER,
                    "");
        }
    }

    private final Invitations invitations;
    private final Accounts accounts;
    private final OrganisationViews organisations;

    InvitationController(Invitations invitations, Accounts accounts, OrganisationViews organisations) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @GetMapping
    String invitations(
            @AuthenticationPrincipal WorkspaceUser user,
            @RequestParam(required = false) String sent,
            @RequestParam(required = false) String resent,
            @RequestParam(required = false) String revoked,
            @RequestParam(required = false) Integer imported,
            Model model) {
        model.addAttribute("form", InviteForm.blank(user));
        model.addAttribute("fieldErrors", Map.of());
        String banner = imported != null
                ? imported + (imported == 1 ? " invitation" : " invitations") + " sent"
                : sent != null
                        ? "Invitation sent"
                        : resent != null ? "Invitation sent again" : revoked != null ? "Invitation revoked" : null;
        model.addAttribute("banner", banner);
        return page(user, model);
    }

    @PostMapping
    String invite(
            @AuthenticationPrincipal WorkspaceUser user,
            @Valid @ModelAttribute("form") InviteForm form,
            BindingResult errors,
            Model model) {
        if (!errors.hasErrors()) {
            try {
                invitations.invite(
                        actor(user),
                        new Invitations.Invite(
                                form.name(), form.email(), form.organisationId(), form.role(), form.jobTitle()));
                return "redirect:/admin/invitations?sent";
            } catch (RuntimeException failure) {
                Refusal.of(failure)
                        .orElseThrow(() -> failure)
                        .rejectOn(errors, Map.of("displayName", "name", "organisation", "organisationId"));
            }
        }
        Forms.showErrors(model, errors, form, "name");
        // A role that could not be read (only a changed page sends one) leaves the form out of the binding result:
        // it is put back as typed.
        model.addAttribute("form", form);
        return page(user, model);
    }

    @PostMapping("/{memberId}/resend")
    String resend(@AuthenticationPrincipal WorkspaceUser user, @PathVariable String memberId, Model model) {
        return act(user, model, () -> invitations.resend(actor(user), memberId), "resent");
    }

    @PostMapping("/{memberId}/revoke")
    String revoke(@AuthenticationPrincipal WorkspaceUser user, @PathVariable String memberId, Model model) {
        return act(user, model, () -> invitations.revoke(actor(user), memberId), "revoked");
    }

    private String act(WorkspaceUser user, Model model, Runnable action, String done) {
        try {
            action.run();
            return "redirect:/admin/invitations?" + done;
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
            model.addAttribute("form", InviteForm.blank(user));
            model.addAttribute("fieldErrors", Map.of());
            model.addAttribute("errorSummary", ErrorSummary.of("pending", refusal.message()));
            return page(user, model);
        }
    }

    private String page(WorkspaceUser user, Model model) {
        boolean organisationOnly = user.role() == MemberRole.ORGANISATION_ADMINISTRATOR;
        List<OrganisationCard> all = organisations.all();
        Map<String, String> names = all.stream()
                .collect(Collectors.toMap(
                        OrganisationCard::id, OrganisationCard::name, (a, b) -> a, LinkedHashMap::new));
        model.addAttribute("organisationNames", names);
        model.addAttribute(
                "organisationChoices",
                organisationOnly
                        ? Map.of(
                                user.organisationId(), names.getOrDefault(user.organisationId(), user.organisationId()))
                        : names);
        Map<String, String> roles = new LinkedHashMap<>();
        for (MemberRole role : MemberRole.values()) {
            if (!(organisationOnly && role == MemberRole.ADMINISTRATOR)) {
                roles.put(role.name(), Roles.label(role));
            }
        }
        model.addAttribute("roleNames", roles);
        model.addAttribute("pending", accounts.pendingInvitations(organisationOnly ? user.organisationId() : null));
        model.addAttribute("organisationOnly", organisationOnly);
        return "onboarding/invitations";
    }

    static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
