package org.collaborative.app.web.practice;

import static org.collaborative.app.web.practice.PracticeController.actor;
import static org.collaborative.app.web.practice.PracticeForms.blank;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.practice.DesignateFinanceOfficer;
import org.collaborative.app.practice.EndFinanceOfficerDesignation;
import org.collaborative.app.practice.PracticeDirectory;
import org.collaborative.app.practice.PracticeDirectory.FinanceOfficerEntry;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators designate finance officers, who verify the outcomes their organisation's adoptions report, and end
 * designations (ADR 18): the page lists the current finance officers of every organisation, each with a button to
 * remove them, and designates a member for their own organisation. An organisation administrator reaches the page
 * too, and is shown only their own organisation's officers and people: the {@code FinanceOfficer} aggregate refuses
 * them anyone else's. The list is read from the command side's {@code finance_officer} table, which the subscribing
 * command-directory processor writes with the events, so a change is there when the command returns. Only
 * administrators (and, for this page and invitations, organisation administrators) reach {@code /admin/}.
 */
@Controller
class FinanceOfficerController {

    /** The member to designate. */
    record DesignationForm(String memberId) {}

    /** A current finance officer, as the page lists them. */
    record Officer(String memberId, String name, String jobTitle, String organisationId, String organisationName) {}

    private final PracticeDirectory directory;
    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final Commands commands;
    private final Clock clock;

    FinanceOfficerController(
            PracticeDirectory directory,
            Accounts accounts,
            OrganisationViews organisations,
            Commands commands,
            Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.organisations = organisations;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/admin/finance-officers")
    String officers(
            @RequestParam(required = false) String done, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        model.addAttribute("done", done);
        return show(model, new DesignationForm(null), user);
    }

    @PostMapping("/admin/finance-officers")
    String designate(
            @ModelAttribute("form") DesignationForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Optional<Accounts.Account> account = blank(form.memberId()) ? Optional.empty() : accounts.find(form.memberId());
        if (blank(form.memberId())) {
            errors.rejectValue("memberId", "required", "Choose the member to designate");
        } else if (account.isEmpty()) {
            errors.rejectValue("memberId", "unknown", "Choose a member from the list");
        } else if (directory
                .financeOfficerOf(account.get().memberId())
                .filter(account.get().organisationId()::equals)
                .isPresent()) {
            errors.rejectValue(
                    "memberId",
                    "already",
                    account.get().displayName() + " is already a finance officer of "
                            + organisationNames()
                                    .getOrDefault(
                                            account.get().organisationId(),
                                            account.get().organisationId()));
        } else {
            commands.attempt(new DesignateFinanceOfficer(
                            account.get().memberId(), account.get().organisationId(), actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "memberId");
            return show(model, form, user);
        }
        return "redirect:/admin/finance-officers?done=designated";
    }

    @PostMapping("/admin/finance-officers/{memberId}/end")
    String end(@PathVariable String memberId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        accounts.find(memberId).orElseThrow(() -> new NotFoundException("member"));
        Optional<Refusal> refused =
                commands.attempt(EndFinanceOfficerDesignation.of(memberId, actor(user), clock.instant()));
        if (refused.isPresent()) {
            refused.get().showOn(model, "officers");
            return show(model, new DesignationForm(null), user);
        }
        return "redirect:/admin/finance-officers?done=ended";
    }

    private String show(Model model, DesignationForm form, WorkspaceUser user) {
        // An organisation administrator sees their own organisation's people and officers only.
        String only = user.role() == MemberRole.ORGANISATION_ADMINISTRATOR ? user.organisationId() : null;
        List<Accounts.Account> everyone = accounts.directory(only);
        Map<String, Accounts.Account> byId =
                everyone.stream().collect(Collectors.toMap(Accounts.Account::memberId, account -> account));
        Map<String, String> organisationNames = organisationNames();
        List<FinanceOfficerEntry> current = directory.financeOfficers().stream()
                .filter(entry -> only == null || only.equals(entry.organisationId()))
                .toList();
        Set<String> officerIds =
                current.stream().map(FinanceOfficerEntry::memberId).collect(Collectors.toSet());
        model.addAttribute(
                "officers",
                current.stream()
                        .map(entry -> {
                            Accounts.Account account = byId.get(entry.memberId());
                            return new Officer(
                                    entry.memberId(),
                                    account == null ? "A former member" : account.displayName(),
                                    account == null ? null : account.jobTitle(),
                                    entry.organisationId(),
                                    organisationNames.getOrDefault(entry.organisationId(), entry.organisationId()));
                        })
                        .toList());
        // The members who could be designated, by organisation (the directory's order).
        Map<String, List<Accounts.Account>> candidates = new LinkedHashMap<>();
        everyone.stream()
                .filter(account -> !officerIds.contains(account.memberId()))
                .forEach(account -> candidates
                        .computeIfAbsent(
                                organisationNames.getOrDefault(account.organisationId(), account.organisationId()),
                                organisation -> new java.util.ArrayList<>())
                        .add(account));
        model.addAttribute("candidates", candidates);
        model.addAttribute("organisationOnly", only == null ? null : organisationNames.getOrDefault(only, only));
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "practice/finance-officers";
    }

    private Map<String, String> organisationNames() {
        return organisations.all().stream().collect(Collectors.toMap(OrganisationCard::id, OrganisationCard::name));
    }
}
