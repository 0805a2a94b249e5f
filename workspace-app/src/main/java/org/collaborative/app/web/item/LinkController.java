package org.collaborative.app.web.item;

import jakarta.validation.Valid;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.proposal.LinkEvidence;
import org.collaborative.app.web.item.ItemForms.LinkForm;
import org.collaborative.app.web.item.ItemPage.Done;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Linking evidence from the same theme to a proposal: no command until a piece of evidence is chosen. */
@Controller
class LinkController {

    private final ItemPage page;
    private final Commands commands;

    LinkController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/links")
    String link(
            @PathVariable String itemId,
            @Valid @ModelAttribute("linkForm") LinkForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new LinkEvidence(itemId, form.evidenceId(), ItemPage.actor(user), page.now()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        return page.outcome(errors, form, item, user, model, "evidenceId", "", Done.LINKED, form.evidenceId());
    }
}
