package org.collaborative.app.group.web;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews.GroupPage;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.live.LiveUpdates;
import org.collaborative.app.question.QuestionForm;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A working group's page. One template serves the whole page and its {@code questions} fragment; the page listens to
 * {@code /live} and fetches the fragment again when the group's view changes.
 */
@Controller
@RequestMapping("/groups/{groupId}")
class GroupController {

    /** How long a page waits for the view to show a change its reader has just made, before showing it anyway. */
    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(3);

    private final GroupViews groups;
    private final GroupPages pages;
    private final LiveUpdates live;
    private final CommandGateway commands;
    private final Clock clock;

    GroupController(
            GroupViews groups,
            GroupPages pages,
            LiveUpdates live,
            CommandGateway commands,
            Clock clock) {
        this.groups = groups;
        this.pages = pages;
        this.live = live;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    String page(
            @PathVariable String groupId,
            @RequestParam(name = "posted", required = false) String postedQuestionId,
            @RequestParam(name = "joined", required = false) String joined,
            @RequestParam(name = "left", required = false) String left,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = pages.visibleGroup(groupId, user);
        if (postedQuestionId != null) {
            group = groups.awaitUntil(groupId, g -> g.hasQuestion(postedQuestionId), READ_YOUR_WRITE_WAIT).orElse(group);
            model.addAttribute("posted", group.hasQuestion(postedQuestionId) ? "shown" : "pending");
        }
        if (left != null) {
            group = groups.awaitUntil(groupId, g -> !g.hasMember(user.memberId()), READ_YOUR_WRITE_WAIT).orElse(group);
            model.addAttribute("left", true);
        }
        if (joined != null) {
            group = groups.awaitUntil(groupId, g -> g.hasMember(user.memberId()), READ_YOUR_WRITE_WAIT).orElse(group);
            model.addAttribute("joined", true);
        }
        prepare(model, group, user, QuestionForm.blank());
        return "group/group";
    }

    @GetMapping("/questions")
    String questions(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        prepare(model, pages.visibleGroup(groupId, user), user, QuestionForm.blank());
        return "group/group :: questions-refresh";
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        return live.subscribe("group-page", groupId);
    }

    @PostMapping("/members")
    String join(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        GroupPage group = pages.visibleGroup(groupId, user);
        try {
            commands.sendAndWait(new JoinWorkingGroup(
                    groupId, user.memberId(), user.organisationId(), user.role(), clock.instant()));
        } catch (RuleBrokenException refused) {
            model.addAttribute("errorSummary", ErrorSummary.of("join", refused.getMessage()));
            prepare(model, group, user, QuestionForm.blank());
            return "group/group";
        } catch (ConcurrencyException conflict) {
            model.addAttribute("errorSummary", ErrorSummary.of("join", ErrorSummary.CONFLICT));
            prepare(model, group, user, QuestionForm.blank());
            return "group/group";
        }
        return "redirect:/groups/" + groupId + "?joined=1";
    }

    @PostMapping("/leave")
    String leave(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        GroupPage group = pages.visibleGroup(groupId, user);
        try {
            commands.sendAndWait(new org.collaborative.app.group.LeaveWorkingGroup(groupId, user.memberId(),
                    clock.instant()));
        } catch (RuleBrokenException refused) {
            model.addAttribute("errorSummary", ErrorSummary.of("leave", refused.getMessage()));
            prepare(model, group, user, QuestionForm.blank());
            return "group/group";
        } catch (ConcurrencyException conflict) {
            model.addAttribute("errorSummary", ErrorSummary.of("leave", ErrorSummary.CONFLICT));
            prepare(model, group, user, QuestionForm.blank());
            return "group/group";
        }
        return "redirect:/groups/" + groupId + "?left=1";
    }

    private void prepare(Model model, GroupPage group, WorkspaceUser user, QuestionForm form) {
        pages.describe(model, group, user);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
    }
}
