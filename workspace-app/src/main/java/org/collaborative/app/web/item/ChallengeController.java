package org.collaborative.app.web.item;

import jakarta.validation.Valid;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.evidence.ChallengeEvidence;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.proposal.ChallengeProposal;
import org.collaborative.app.web.item.ItemForms.ChallengeForm;
import org.collaborative.app.web.item.ItemPage.Done;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

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
            @Valid @ModelAttribute("challengeForm") ChallengeForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        String challengeId = Forms.mintedId(form.challengeId());
        String reason = form.reason();
        Object command = switch (ItemType.fromKey(item.type())) {
            case EVIDENCE -> new ChallengeEvidence(itemId, challengeId, reason, ItemPage.actor(user), page.now());
            case PROPOSAL -> new ChallengeProposal(itemId, challengeId, reason, ItemPage.actor(user), page.now());
            case QUESTION -> throw new NotFoundException("challenge");
        };
        if (!errors.hasErrors()) {
            commands.attempt(command).ifPresent(refused -> refused.rejectOn(errors));
        }
        // The challenge form is folded away on the page: open it to show what is wrong.
        model.addAttribute("challenging", true);
        return page.outcome(errors, form, item, user, model, "reason", "", Done.CHALLENGED, challengeId);
    }
}
