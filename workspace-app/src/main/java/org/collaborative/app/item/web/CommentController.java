package org.collaborative.app.item.web;

import org.collaborative.app.comment.PostComment;
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
            @RequestParam String commentId,
            @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Item item = page.visibleItem(itemId, user);
        model.addAttribute("comment", comment);
        Object command = new PostComment(commentId, itemId, comment, ItemPage.actor(user), page.now());
        return page.outcome(commands.attemptOnce(command), item, user, model, "comment", Done.COMMENTED, commentId);
    }
}
