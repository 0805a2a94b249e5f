package org.collaborative.app.web.item;

import jakarta.validation.Valid;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.comment.PostComment;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.web.item.ItemForms.CommentForm;
import org.collaborative.app.web.item.ItemPage.Done;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Commenting on any item (members of its group). The comment's id is minted when the page is shown, and a comment is
 * an aggregate of its own: the same form arriving twice is recorded once, and the second post counts as done.
 */
@Controller
class CommentController {

    private final ItemPage page;
    private final Commands commands;

    CommentController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/comments")
    String comment(
            @PathVariable String itemId,
            @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        String commentId = Forms.mintedId(form.commentId());
        if (!errors.hasErrors()) {
            commands.attemptOnce(new PostComment(commentId, itemId, form.comment(), ItemPage.actor(user), page.now()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        return page.outcome(errors, form, item, user, model, "comment", "", Done.COMMENTED, commentId);
    }
}
