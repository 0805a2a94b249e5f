package org.collaborative.app.privacy.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.Actor;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.EraseMember;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.events.member.ErasureReason;
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

    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final CommandGateway commands;
    private final Clock clock;

    ErasureController(Accounts accounts, OrganisationViews organisations, CommandGateway commands, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    String confirm(@PathVariable String memberId, Model model) {
        return page(model, account(memberId), null, "");
    }

    @PostMapping
    String erase(
            @PathVariable String memberId,
            @RequestParam(required = false) ErasureReason reason,
            @RequestParam(defaultValue = "") String reference,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Accounts.Account account = account(memberId);
        try {
            commands.sendAndWait(new EraseMember(memberId,
                    new Actor(user.memberId(), user.organisationId(), user.role()), reason, reference, clock.instant()));
        } catch (RuleBrokenException refused) {
            String field = refused instanceof InvalidInputException invalid ? invalid.field() : "reason";
            String anchor = "reason".equals(field) ? "reason-" + ErasureReason.values()[0].name() : field;
            model.addAttribute("errorSummary", ErrorSummary.of(anchor, refused.getMessage()));
            model.addAttribute("fieldErrors", Map.of(field, refused.getMessage()));
            return page(model, account, reason, reference);
        }
        return "redirect:/admin/members?erased=" + account.organisationId();
    }

    private Accounts.Account account(String memberId) {
        return accounts.find(memberId).orElseThrow(() -> new NotFoundException("member"));
    }

    private String page(Model model, Accounts.Account account, ErasureReason reason, String reference) {
        OrganisationCard organisation =
                organisations.byId(Set.of(account.organisationId())).get(account.organisationId());
        model.addAttribute("account", account);
        model.addAttribute("organisationName", organisation == null ? account.organisationId() : organisation.name());
        model.addAttribute("reasons", REASONS);
        model.addAttribute("reason", reason);
        model.addAttribute("reference", reference);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "privacy/erasure";
    }
}
