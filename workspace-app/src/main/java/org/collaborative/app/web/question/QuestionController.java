package org.collaborative.app.web.question;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.question.QuestionForm;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.group.GroupPage.QuestionSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Posting a question to a group. With htmx the form is swapped for a fresh one and the question is shown at once from
 * the command (the view catches up and the live stream refreshes the list); without JavaScript it is a plain post,
 * then a redirect to the group page. Every field is checked before the command is sent; invalid input re-renders the
 * form with a GOV.UK error summary listing every field's error, status 200 (docs/adr/0005).
 */
@Controller
class QuestionController {

    private static final Map<String, String> COMMAND_FIELDS = Map.of("question", "title", "details", "body");

    private final Commands commands;
    private final GroupPages groupPages;
    private final Clock clock;

    QuestionController(Commands commands, GroupPages groupPages, Clock clock) {
        this.commands = commands;
        this.groupPages = groupPages;
        this.clock = clock;
    }

    @PostMapping("/groups/{groupId}/questions")
    String post(
            @PathVariable String groupId,
            @Valid @ModelAttribute("form") QuestionForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        GroupPage group = groupPages.visibleGroup(groupId, user, 1);
        Instant at = clock.instant();
        String questionId = Forms.mintedId(form.questionId());
        if (!errors.hasErrors()) {
            // The same form arriving twice asks the question once (its id was minted when the form was shown).
            commands.attemptOnce(new PostQuestion(
                            questionId, groupId, form.title(), form.body(), user.memberId(), user.organisationId(), at))
                    .ifPresent(refused -> refused.rejectOn(errors, COMMAND_FIELDS));
        }
        if (errors.hasErrors()) {
            // A refusal links to the question field, to the join button for someone not (or no longer) a member, or to
            // the notice that says why an archived group takes no questions.
            String firstField = group.inArchive() ? "archived" : group.hasMember(user.memberId()) ? "title" : "join";
            Forms.showErrors(model, errors, form, firstField);
            groupPages.describe(model, group, user);
            return htmx.isHtmxRequest() ? "group/group :: question-refused" : "group/group";
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/groups/" + groupId + "?posted=" + questionId + "#questions";
        }
        model.addAttribute("form", QuestionForm.blank());
        groupPages.describe(model, group, user);
        model.addAttribute(
                "justPosted",
                new QuestionSummary(
                        questionId,
                        form.title().strip(),
                        form.body() == null ? "" : form.body().strip(),
                        user.memberId(),
                        user.organisationId(),
                        at));
        model.addAttribute("posterName", user.displayName());
        return "group/group :: question-posted";
    }
}
