package org.collaborative.app.web.group;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.WorkingGroup;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Forming a working group on a theme (facilitators and administrators; see SecurityConfiguration). The person who
 * forms it is its first facilitator. The form carries its group id, so a double submission forms one group; every
 * field is checked before the command is sent, and all their errors are shown at once (docs/adr/0005).
 */
@Controller
class GroupFormController {

    /** The form as posted; its id is minted when it is shown. */
    record GroupForm(
            String groupId,

            @NotBlank(message = "Enter the name of the group")
            @Size(
                    max = WorkingGroup.MAX_NAME,
                    message = "The name must be ${formatter.format('%,d', max)} characters or fewer")
            String name,

            @Size(
                    max = WorkingGroup.MAX_PURPOSE,
                    message = "What the group is for must be ${formatter.format('%,d', max)} characters or fewer")
            String purpose,

            @NotNull(message = "Choose who can see and join the group")
            GroupVisibility visibility) {

        static GroupForm blank() {
            return new GroupForm(Forms.newId(), "", "", null);
        }
    }

    private final ThemeViews themes;
    private final GroupViews groups;
    private final Commands commands;
    private final Clock clock;

    GroupFormController(ThemeViews themes, GroupViews groups, Commands commands, Clock clock) {
        this.themes = themes;
        this.groups = groups;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/themes/{themeId}/groups/new")
    String form(@PathVariable String themeId, Model model) {
        return show(model, theme(themeId), GroupForm.blank());
    }

    @PostMapping("/themes/{themeId}/groups")
    String create(
            @PathVariable String themeId,
            @Valid @ModelAttribute("form") GroupForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ThemeCard theme = theme(themeId);
        String id = Forms.mintedId(form.groupId());
        if (!errors.hasErrors()) {
            // The same form sent twice forms one group (its id was minted when the form was shown).
            commands.attemptOnce(new FormWorkingGroup(
                            id,
                            themeId,
                            form.name(),
                            form.purpose(),
                            form.visibility(),
                            user.memberId(),
                            user.organisationId(),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "name");
            return show(model, theme, form);
        }
        groups.awaitUntil(id, group -> true, GroupController.READ_YOUR_WRITE_WAIT);
        return "redirect:/groups/" + id;
    }

    private ThemeCard theme(String themeId) {
        return themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
    }

    private static String show(Model model, ThemeCard theme, GroupForm form) {
        model.addAttribute("theme", theme);
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "group/form";
    }
}
