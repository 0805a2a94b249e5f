package org.collaborative.app.question.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
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
 * then a redirect to the group page. Invalid input re-renders the form with a GOV.UK error summary, status 200
 * (docs/adr/0005).
 */
@Controller
class QuestionController {

    private static final Map<String, String> COMMAND_FIELDS = Map.of("question", "title", "details", "body");

    private final CommandGateway commands;
    private final GroupPages groupPages;
    private final Clock clock;

    QuestionController(CommandGateway commands, GroupPages groupPages, Clock clock) {
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
        GroupPage group = groupPages.visibleGroup(groupId, user);
        Instant at = clock.instant();
        if (!errors.hasErrors()) {
            try {
                commands.sendAndWait(new PostQuestion(
                        form.questionId(), groupId, form.title(), form.body(), user.memberId(), user.organisationId(),
                        at));
            } catch (AggregateStreamCreationException alreadyPosted) {
                // The same form arrived twice: the question was asked the first time.
            } catch (ConcurrencyException conflict) {
                errors.reject("conflict", ErrorSummary.CONFLICT);
            } catch (InvalidInputException invalid) {
                errors.rejectValue(COMMAND_FIELDS.getOrDefault(invalid.field(), "title"), "invalid", invalid.getMessage());
            } catch (RuleBrokenException refused) {
                errors.reject("refused", refused.getMessage());
            }
        }
        if (errors.hasErrors()) {
            groupPages.describe(model, group, user);
            // A refusal links to the question field, or to the join button for someone not (or no longer) a member.
            String firstField = group.hasMember(user.memberId()) ? "title" : "join";
            model.addAttribute("errorSummary", ErrorSummary.of(errors, firstField));
            return htmx.isHtmxRequest() ? "group/group :: question-refused" : "group/group";
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/groups/" + groupId + "?posted=" + form.questionId() + "#questions";
        }
        model.addAttribute("form", QuestionForm.blank());
        groupPages.describe(model, group, user);
        model.addAttribute("justPosted", new QuestionSummary(
                form.questionId(), form.title().strip(), form.body() == null ? "" : form.body().strip(),
                user.memberId(), user.organisationId(), at));
        model.addAttribute("posterName", user.displayName());
        return "group/group :: question-posted";
    }
}
