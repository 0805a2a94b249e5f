package org.collaborative.app.web.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.ChangeMemberRole;
import org.collaborative.app.member.Roles;
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

    /** The role an administrator gives a member. */
    record RoleForm(@NotNull(message = "Choose a role") MemberRole role) {}

    @GetMapping("/{memberId}")
    String member(@PathVariable String memberId, @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("saved", saved != null);
        Accounts.Account account = account(memberId);
        model.addAttribute("roleForm", new RoleForm(account.role()));
        return memberPage(model, account);
    }

    @PostMapping("/{memberId}/role")
    String changeRole(
            @PathVariable String memberId,
            @Valid @ModelAttribute("roleForm") RoleForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Accounts.Account account = account(memberId);
        if (!errors.hasErrors()) {
            commands.attempt(new ChangeMemberRole(
                            memberId,
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            form.role(),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "role");
            // A role that could not be read (only a changed page sends one) leaves the form out of the binding
            // result: it is put back as sent.
            model.addAttribute("roleForm", form);
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
        Forms.noErrors(model);
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
