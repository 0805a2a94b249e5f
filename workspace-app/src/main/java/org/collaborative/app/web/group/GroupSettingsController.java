package org.collaborative.app.web.group;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Optional;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.ArchiveWorkingGroup;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.RenameWorkingGroup;
import org.collaborative.app.group.ReopenWorkingGroup;
import org.collaborative.app.group.WorkingGroup;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.kernel.Actor;
import org.collaborative.views.group.GroupPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Looking after a working group: its facilitators (and administrators) rename it and archive it, with a reason, on
 * {@code /groups/{id}/edit}; an administrator reopens an archived group from its page. To anyone else who may see the
 * group the edit page does not exist (404), as the group itself does not for those who may not see it. Each form shows
 * all its errors at once (docs/adr/0005); the aggregate decides who may do what.
 */
@Controller
@RequestMapping("/groups/{groupId}")
class GroupSettingsController {

    /** A group's name and purpose: the same limits as forming it. */
    record DetailsForm(
            @NotBlank(message = "Enter the name of the group")
            @Size(
                    max = WorkingGroup.MAX_NAME,
                    message = "The name must be ${formatter.format('%,d', max)} characters or fewer")
            String name,

            @Size(
                    max = WorkingGroup.MAX_PURPOSE,
                    message = "What the group is for must be ${formatter.format('%,d', max)} characters or fewer")
            String purpose) {}

    /** Why the group is archived: shown on its page while it is. */
    record ArchiveForm(
            @NotBlank(message = "Enter why the group is being archived")
            @Size(
                    max = WorkingGroup.MAX_REASON,
                    message = "The reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {}

    private final GroupViews groups;
    private final GroupPages pages;
    private final Commands commands;
    private final Clock clock;

    GroupSettingsController(GroupViews groups, GroupPages pages, Commands commands, Clock clock) {
        this.groups = groups;
        this.pages = pages;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/edit")
    String edit(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        GroupPage group = stewarded(groupId, user);
        return show(model, group, new DetailsForm(group.name(), group.purpose()), new ArchiveForm(""));
    }

    @PostMapping("/edit")
    String rename(
            @PathVariable String groupId,
            @Valid @ModelAttribute("form") DetailsForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = stewarded(groupId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new RenameWorkingGroup(groupId, form.name(), form.purpose(), actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "name");
            return show(model, group, form, new ArchiveForm(""));
        }
        // The page shows the new name: wait (bounded) for the view to have it, as the form of a new group does.
        String name = form.name().strip();
        String purpose = form.purpose() == null ? "" : form.purpose().strip();
        groups.awaitUntil(
                groupId,
                g -> name.equals(g.name()) && purpose.equals(g.purpose()),
                GroupController.READ_YOUR_WRITE_WAIT);
        return "redirect:/groups/" + groupId + "?done=renamed";
    }

    @PostMapping("/archive")
    String archive(
            @PathVariable String groupId,
            @Valid @ModelAttribute("archiveForm") ArchiveForm archiveForm,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = stewarded(groupId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new ArchiveWorkingGroup(groupId, archiveForm.reason(), actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, archiveForm, "reason", "archive-");
            return show(model, group, new DetailsForm(group.name(), group.purpose()), archiveForm);
        }
        return "redirect:/groups/" + groupId + "?done=archived";
    }

    /** From the group's page (administrators): a refusal shows there, with its error summary. */
    @PostMapping("/reopen")
    String reopen(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        Optional<Refusal> refused = commands.attempt(new ReopenWorkingGroup(groupId, actor(user), clock.instant()));
        if (refused.isPresent()) {
            model.addAttribute("errorSummary", refused.get().summary("reopen"));
            pages.describe(model, group, user);
            model.addAttribute("form", org.collaborative.app.question.QuestionForm.blank());
            return "group/group";
        }
        return "redirect:/groups/" + groupId + "?done=reopened";
    }

    /** The group, if this person may see it and looks after it (one of its facilitators, or an administrator). */
    private GroupPage stewarded(String groupId, WorkspaceUser user) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        if (!GroupPages.stewards(group, user)) {
            throw new NotFoundException("page");
        }
        return group;
    }

    private static String show(Model model, GroupPage group, DetailsForm form, ArchiveForm archiveForm) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        model.addAttribute("archiveForm", archiveForm);
        Forms.noErrors(model);
        return "group/edit";
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
