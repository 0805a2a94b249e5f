package org.collaborative.app.web.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.EraseMember;
import org.collaborative.app.member.Member;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.events.member.ErasureReason;
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

/**
 * An administrator acts on a request to erase a member's personal data: a confirmation page that says what will
 * happen and asks for the reason (and a case reference), then {@code EraseMember}. The key and the account go in the
 * same transaction as the event (Erasure); the member then shows everywhere as "Former member".
 */
@Controller
@RequestMapping("/admin/members/{memberId}/erasure")
class ErasureController {

    static final Map<ErasureReason, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put(ErasureReason.ERASURE_REQUEST, "They asked for their personal data to be erased");
        REASONS.put(ErasureReason.LEFT_ORGANISATION, "They have left their organisation");
        REASONS.put(ErasureReason.WITHDRAWN, "They have withdrawn from the workspace");
    }

    /** The form: every field is checked before the command is sent (docs/adr/0005). */
    record ErasureForm(
            @NotNull(message = "Choose why you are erasing their personal data")
            ErasureReason reason,

            @Size(max = Member.MAX_REFERENCE, message = "Reference must be {max} characters or fewer")
            @Pattern(
                    regexp = Member.REFERENCE_CHARACTERS,
                    message =
                            "Reference must only include letters, numbers, hyphens and slashes, not a name or address")
            String reference) {}

    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final Commands commands;
    private final Clock clock;

    ErasureController(Accounts accounts, OrganisationViews organisations, Commands commands, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    String confirm(@PathVariable String memberId, Model model) {
        return page(model, account(memberId), new ErasureForm(null, ""));
    }

    @PostMapping
    String erase(
            @PathVariable String memberId,
            @Valid @ModelAttribute("form") ErasureForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Accounts.Account account = account(memberId);
        if (!errors.hasErrors()) {
            commands.attempt(new EraseMember(
                            memberId,
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            form.reason(),
                            form.reference(),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "reason");
            return page(model, account, form);
        }
        return "redirect:/admin/members?erased=" + account.organisationId();
    }

    private Accounts.Account account(String memberId) {
        return accounts.find(memberId).orElseThrow(() -> new NotFoundException("member"));
    }

    private String page(Model model, Accounts.Account account, ErasureForm form) {
        OrganisationCard organisation =
                organisations.byId(Set.of(account.organisationId())).get(account.organisationId());
        model.addAttribute("account", account);
        model.addAttribute("organisationName", organisation == null ? account.organisationId() : organisation.name());
        model.addAttribute("reasons", REASONS);
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "privacy/erasure";
    }
}
