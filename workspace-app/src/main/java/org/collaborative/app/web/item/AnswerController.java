package org.collaborative.app.web.item;

import jakarta.validation.Valid;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.question.AcceptAnswer;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.web.item.ItemForms.AnswerForm;
import org.collaborative.app.web.item.ItemPage.Done;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A question's answers: answering it (members of its group) and accepting an answer (the asker or a facilitator). */
@Controller
class AnswerController {

    private final ItemPage page;
    private final Commands commands;

    AnswerController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/answers")
    String answer(
            @PathVariable String itemId,
            @Valid @ModelAttribute("answerForm") AnswerForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        String answerId = Forms.mintedId(form.answerId());
        if (!errors.hasErrors()) {
            commands.attempt(new AnswerQuestion(itemId, answerId, form.answer(), ItemPage.actor(user), page.now()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        return page.outcome(errors, form, item, user, model, "answer", "", Done.ANSWERED, answerId);
    }

    @PostMapping("/items/{itemId}/answers/{answerId}/acceptance")
    String accept(
            @PathVariable String itemId,
            @PathVariable String answerId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        Object command = new AcceptAnswer(itemId, answerId, ItemPage.actor(user), page.now());
        return page.outcome(commands.attempt(command), item, user, model, "answers", Done.ACCEPTED, answerId);
    }
}
