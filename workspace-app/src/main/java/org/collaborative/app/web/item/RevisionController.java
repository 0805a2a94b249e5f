package org.collaborative.app.web.item;

import jakarta.validation.Valid;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.evidence.ReviseEvidence;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.web.item.ItemForms.RevisionForm;
import org.collaborative.app.web.item.ItemPage.Done;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Revising a piece of evidence (its author or a facilitator): a new version, the earlier ones kept in its history. */
@Controller
class RevisionController {

    private final ItemPage page;
    private final Commands commands;

    RevisionController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/revision")
    String revise(
            @PathVariable String itemId,
            @Valid @ModelAttribute("revisionForm") RevisionForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        if (ItemType.fromKey(item.type()) != ItemType.EVIDENCE) {
            throw new NotFoundException("revision");
        }
        if (!errors.hasErrors()) {
            commands.attempt(new ReviseEvidence(
                            itemId,
                            form.title(),
                            form.summary(),
                            form.source(),
                            form.kind(),
                            form.level(),
                            ItemPage.actor(user),
                            page.now()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        // The revision form is folded away on the page: open it to show what is wrong.
        model.addAttribute("revising", true);
        return page.outcome(errors, form, item, user, model, "title", RevisionForm.ID_PREFIX, Done.REVISED, null);
    }
}
