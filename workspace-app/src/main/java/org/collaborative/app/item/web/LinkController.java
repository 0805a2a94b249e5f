package org.collaborative.app.item.web;

import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.item.web.ItemPage.Done;
import org.collaborative.app.proposal.LinkEvidence;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Linking evidence from the same theme to a proposal. */
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
            @RequestParam(defaultValue = "") String evidenceId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        Object command = new LinkEvidence(itemId, evidenceId, ItemPage.actor(user), page.now());
        return page.outcome(commands.attempt(command), item, user, model, "evidenceId", Done.LINKED, evidenceId);
    }
}
