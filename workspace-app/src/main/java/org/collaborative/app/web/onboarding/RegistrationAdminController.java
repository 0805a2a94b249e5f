package org.collaborative.app.web.onboarding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.Roles;
import org.collaborative.app.onboarding.Registrations;
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
 * Registrations waiting for approval (docs/adr/0025): administrators see everyone's, organisation administrators
 * their own organisation's (the {@code Member} aggregate holds that rule). Approving lets the person sign in;
 * declining, with a reason emailed to them, erases them.
 */
@Controller
@RequestMapping("/admin/registrations")
class RegistrationAdminController {

    private final Registrations registrations;
    private final OrganisationViews organisations;

    RegistrationAdminController(Registrations registrations, OrganisationViews organisations) {
        this.registrations = registrations;
        this.organisations = organisations;
    }

    @GetMapping
    String pending(
            @AuthenticationPrincipal WorkspaceUser user,
            @RequestParam(required = false) String approved,
            @RequestParam(required = false) String declined,
            Model model) {
        model.addAttribute(
                "banner",
                approved != null ? "Registration approved" : declined != null ? "Registration declined" : null);
        return page(user, model);
    }

    @PostMapping("/{memberId}/approve")
    String approve(@AuthenticationPrincipal WorkspaceUser user, @PathVariable String memberId, Model model) {
        waiting(user, memberId);
        try {
            registrations.approve(InvitationController.actor(user), memberId);
            return "redirect:/admin/registrations?approved";
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
            model.addAttribute("errorSummary", ErrorSummary.of("pending", refusal.message()));
            return page(user, model);
        }
    }

    @GetMapping("/{memberId}/decline")
    String declineForm(@AuthenticationPrincipal WorkspaceUser user, @PathVariable String memberId, Model model) {
        model.addAttribute("person", waiting(user, memberId));
        model.addAttribute("reason", "");
        model.addAttribute("fieldErrors", Map.of());
        return "onboarding/registration-decline";
    }

    @PostMapping("/{memberId}/decline")
    String decline(
            @AuthenticationPrincipal WorkspaceUser user,
            @PathVariable String memberId,
            @RequestParam(defaultValue = "") String reason,
            Model model) {
        Accounts.Invitee person = waiting(user, memberId);
        try {
            registrations.decline(InvitationController.actor(user), memberId, reason);
            return "redirect:/admin/registrations?declined";
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
            model.addAttribute("person", person);
            model.addAttribute("reason", reason);
            model.addAttribute("fieldErrors", Map.of("reason", refusal.message()));
            model.addAttribute("errorSummary", ErrorSummary.of("reason", refusal.message()));
            return "onboarding/registration-decline";
        }
    }

    /** The waiting registration this person may decide on; anything else is not found. */
    private Accounts.Invitee waiting(WorkspaceUser user, String memberId) {
        Optional<Accounts.Invitee> person = registrations.pending(InvitationController.actor(user)).stream()
                .filter(p -> p.memberId().equals(memberId))
                .findFirst();
        return person.orElseThrow(() -> new NotFoundException("registration"));
    }

    private String page(WorkspaceUser user, Model model) {
        Map<String, String> names = organisations.all().stream()
                .collect(Collectors.toMap(
                        OrganisationCard::id, OrganisationCard::name, (a, b) -> a, LinkedHashMap::new));
        model.addAttribute("organisationNames", names);
        model.addAttribute(
                "roleNames",
                java.util.Arrays.stream(MemberRole.values()).collect(Collectors.toMap(MemberRole::name, Roles::label)));
        model.addAttribute("pending", registrations.pending(InvitationController.actor(user)));
        model.addAttribute("organisationOnly", user.role() == MemberRole.ORGANISATION_ADMINISTRATOR);
        return "onboarding/registrations";
    }
}
