package org.collaborative.app.member.web;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.collaborative.app.Actor;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.ChangeMemberRole;
import org.collaborative.app.member.Roles;
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
 * Administrators manage members: every account with its email address, organisation and role; one member's page
 * changes their role and leads to erasing their personal data (ErasureController).
 */
@Controller
@RequestMapping("/admin/members")
class MemberAdminController {

    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final Commands commands;
    private final Clock clock;

    MemberAdminController(Accounts accounts, OrganisationViews organisations, Commands commands, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    String members(@RequestParam(required = false) String erased, Model model) {
        model.addAttribute("members", accounts.directory(null));
        model.addAttribute("organisationNames", organisationNames());
        model.addAttribute(
                "erasedFrom", erased == null ? null : organisationNames().getOrDefault(erased, erased));
        model.addAttribute("roleNames", roleNames());
        return "member/admin-members";
    }

    @GetMapping("/{memberId}")
    String member(@PathVariable String memberId, @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("saved", saved != null);
        return memberPage(model, account(memberId));
    }

    @PostMapping("/{memberId}/role")
    String changeRole(
            @PathVariable String memberId,
            @RequestParam(required = false) MemberRole role,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Accounts.Account account = account(memberId);
        Optional<Refusal> refused = commands.attempt(new ChangeMemberRole(
                memberId, new Actor(user.memberId(), user.organisationId(), user.role()), role, clock.instant()));
        if (refused.isPresent()) {
            model.addAttribute("errorSummary", refused.get().summary("role"));
            model.addAttribute("fieldErrors", Map.of("role", refused.get().message()));
            return memberPage(model, account);
        }
        return "redirect:/admin/members/" + memberId + "?saved";
    }

    private String memberPage(Model model, Accounts.Account account) {
        model.addAttribute("account", account);
        model.addAttribute(
                "organisationName",
                organisationNames().getOrDefault(account.organisationId(), account.organisationId()));
        model.addAttribute("roleNames", roleNames());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "member/admin-member";
    }

    private Accounts.Account account(String memberId) {
        return accounts.find(memberId).orElseThrow(() -> new NotFoundException("member"));
    }

    private Map<String, String> organisationNames() {
        return organisations.all().stream().collect(Collectors.toMap(OrganisationCard::id, OrganisationCard::name));
    }

    private static Map<MemberRole, String> roleNames() {
        Map<MemberRole, String> names = new java.util.LinkedHashMap<>();
        for (MemberRole role : MemberRole.values()) {
            names.put(role, Roles.label(role));
        }
        return names;
    }
}
