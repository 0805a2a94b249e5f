package org.collaborative.app.web.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.organisation.SetOrganisationEmailDomains;
import org.collaborative.events.organisation.RegistrationApproval;
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
 * Administrators set the email domains each organisation's people use, and whether those who register themselves from
 * them are approved at once or wait for the organisation's administrator (docs/adr/0025). The {@code Organisation}
 * aggregate holds the rules (well-formed lower-case domains, one organisation per domain); a refusal comes back on the
 * form with what was typed.
 */
@Controller
@RequestMapping("/admin/email-domains")
class EmailDomainsController {

    /** The form: domains one to a line (or separated by commas or spaces), and the approval policy. */
    record DomainsForm(
            @Size(max = 5000, message = "Enter fewer email domains")
            String domains,

            @NotNull(message = "Choose how people who register themselves are approved")
            RegistrationApproval approval) {

        List<String> list() {
            return domains == null || domains.isBlank()
                    ? List.of()
                    : Arrays.stream(domains.split("[\\s,;]+"))
                            .filter(d -> !d.isBlank())
                            .toList();
        }
    }

    private final Commands commands;
    private final EmailDomainDirectory directory;
    private final OrganisationViews organisations;
    private final java.time.Clock clock;

    EmailDomainsController(
            Commands commands, EmailDomainDirectory directory, OrganisationViews organisations, java.time.Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    String all(@RequestParam(required = false) String saved, Model model) {
        Map<String, List<EmailDomainDirectory.EmailDomain>> byOrganisation = directory.all().stream()
                .collect(Collectors.groupingBy(EmailDomainDirectory.EmailDomain::organisationId));
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("domains", byOrganisation);
        model.addAttribute("saved", saved);
        return "onboarding/email-domains";
    }

    @GetMapping("/{organisationId}")
    String form(@PathVariable String organisationId, Model model) {
        OrganisationCard organisation = organisation(organisationId);
        List<EmailDomainDirectory.EmailDomain> current = directory.all().stream()
                .filter(d -> d.organisationId().equals(organisationId))
                .toList();
        model.addAttribute(
                "form",
                new DomainsForm(
                        current.stream()
                                .map(EmailDomainDirectory.EmailDomain::domain)
                                .collect(Collectors.joining("\n")),
                        current.isEmpty()
                                ? RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR
                                : current.get(0).approval()));
        model.addAttribute("fieldErrors", Map.of());
        return page(organisation, model);
    }

    @PostMapping("/{organisationId}")
    String save(
            @AuthenticationPrincipal WorkspaceUser user,
            @PathVariable String organisationId,
            @Valid @ModelAttribute("form") DomainsForm form,
            BindingResult errors,
            Model model) {
        OrganisationCard organisation = organisation(organisationId);
        if (!errors.hasErrors()) {
            Optional<Refusal> refused = commands.attempt(new SetOrganisationEmailDomains(
                    organisationId, form.list(), form.approval(), InvitationController.actor(user), clock.instant()));
            if (refused.isEmpty()) {
                return "redirect:/admin/email-domains?saved=" + organisationId;
            }
            refused.get().rejectOn(errors);
        }
        Forms.showErrors(model, errors, form, "domains");
        model.addAttribute("form", form);
        return page(organisation, model);
    }

    private OrganisationCard organisation(String organisationId) {
        OrganisationCard found = organisations.byId(List.of(organisationId)).get(organisationId);
        if (found == null) {
            throw new NotFoundException("organisation");
        }
        return found;
    }

    private static String page(OrganisationCard organisation, Model model) {
        Map<String, String> approvals = new LinkedHashMap<>();
        approvals.put(
                RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR.name(),
                "They wait until an administrator of the organisation approves them");
        approvals.put(
                RegistrationApproval.AT_ONCE.name(), "They can sign in as soon as they have confirmed their address");
        model.addAttribute("organisation", organisation);
        model.addAttribute("approvals", approvals);
        return "onboarding/email-domain-form";
    }
}
