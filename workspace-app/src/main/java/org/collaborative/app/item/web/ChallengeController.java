package org.collaborative.app.item.web;

import org.collaborative.app.evidence.ChallengeEvidence;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.proposal.ChallengeProposal;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.item.ItemViews.Item;
import org.collaborative.app.item.web.ItemPage.Done;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Challenging evidence or a proposal, with a reason (not your own). Questions are answered, not challenged. */
@Controller
class ChallengeController {

    private final ItemPage page;
    private final Commands commands;

    ChallengeController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/challenges")
    String challenge(
            @PathVariable String itemId,
            @RequestParam String challengeId,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Item item = page.visibleItem(itemId, user);
        Object command = switch (item.itemType()) {
            case EVIDENCE -> new ChallengeEvidence(itemId, challengeId, reason, ItemPage.actor(user), page.now());
            case PROPOSAL -> new ChallengeProposal(itemId, challengeId, reason, ItemPage.actor(user), page.now());
            case QUESTION -> throw new NotFoundException("challenge");
        };
        model.addAttribute("reason", reason);
        return page.outcome(commands.attempt(command), item, user, model, "reason", Done.CHALLENGED, challengeId);
    }
}
