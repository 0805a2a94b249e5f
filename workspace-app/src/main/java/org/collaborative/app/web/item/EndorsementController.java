package org.collaborative.app.web.item;

import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.evidence.EndorseEvidence;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.proposal.EndorseProposal;
import org.collaborative.app.web.item.ItemPage.Done;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Endorsing evidence or a proposal (not your own; once). Questions are answered, not endorsed. */
@Controller
class EndorsementController {

    private final ItemPage page;
    private final Commands commands;

    EndorsementController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/endorsements")
    String endorse(@PathVariable String itemId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        ItemView item = page.visibleItem(itemId, user);
        Object command = switch (ItemType.fromKey(item.type())) {
            case EVIDENCE -> new EndorseEvidence(itemId, ItemPage.actor(user), page.now());
            case PROPOSAL -> new EndorseProposal(itemId, ItemPage.actor(user), page.now());
            case QUESTION -> throw new NotFoundException("endorsement");
        };
        return page.outcome(commands.attempt(command), item, user, model, "endorse", Done.ENDORSED, null);
    }
}
