package org.collaborative.app.onboarding.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.collaborative.app.Actor;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.Roles;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    /** The invitation form as typed, shown again with its errors. */
    record InviteForm(String name, String email, String organisationId, String role, String jobTitle) {

        static InviteForm blank(WorkspaceUser user) {
            return new InviteForm(
                    "",
                    "",
                    user.role() == MemberRole.ORGANISATION_ADMINISTRATOR ? user.organisationId() : "",
                    MemberRole.SERVICE_LEADER.name(),
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
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String organisationId,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String jobTitle,
            Model model) {
        InviteForm form = new InviteForm(name, email, organisationId, role, jobTitle);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Enter the person’s full name");
        }
        if (email.isBlank()) {
            errors.put("email", "Enter the person’s email address");
        }
        if (organisationId.isBlank()) {
            errors.put("organisationId", "Choose the person’s organisation");
        }
        MemberRole chosen = role(role);
        if (chosen == null) {
            errors.put("role", "Choose a role");
        }
        if (errors.isEmpty()) {
            try {
                invitations.invite(actor(user), new Invitations.Invite(name, email, organisationId, chosen, jobTitle));
                return "redirect:/admin/invitations?sent";
            } catch (RuntimeException failure) {
                Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
                errors.put(fieldOf(refusal.fieldOr("name")), refusal.message());
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute(
                "errorSummary",
                errors.entrySet().stream()
                        .map(e -> new ErrorSummary.Item("#" + e.getKey(), e.getValue()))
                        .toList());
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

    private static String fieldOf(String commandField) {
        return switch (commandField) {
            case "displayName" -> "name";
            case "organisation" -> "organisationId";
            default -> commandField;
        };
    }

    static MemberRole role(String role) {
        try {
            return role == null || role.isBlank() ? null : MemberRole.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
