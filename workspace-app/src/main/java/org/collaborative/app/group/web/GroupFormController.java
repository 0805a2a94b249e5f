package org.collaborative.app.group.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.web.NewItemForms;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forming a working group on a theme (facilitators and administrators; see SecurityConfiguration). The person who
 * forms it is its first facilitator. The form carries its group id, so a double submission forms one group.
 */
@Controller
class GroupFormController {

    private final ThemeViews themes;
    private final GroupViews groups;
    private final CommandGateway commands;
    private final Clock clock;

    GroupFormController(ThemeViews themes, GroupViews groups, CommandGateway commands, Clock clock) {
        this.themes = themes;
        this.groups = groups;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/themes/{themeId}/groups/new")
    String form(@PathVariable String themeId, Model model) {
        return form(model, theme(themeId), UUID.randomUUID().toString(), "", "", null);
    }

    @PostMapping("/themes/{themeId}/groups")
    String create(
            @PathVariable String themeId,
            @RequestParam(defaultValue = "") String groupId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(required = false) String visibility,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ThemeCard theme = theme(themeId);
        String id = isUuid(groupId) ? groupId : UUID.randomUUID().toString();
        try {
            GroupVisibility chosen = parse(visibility);
            commands.sendAndWait(new FormWorkingGroup(id, themeId, name, purpose, chosen, user.memberId(),
                    user.organisationId(), clock.instant()));
        } catch (AggregateStreamCreationException alreadyFormed) {
            // The same form sent twice: the group was formed the first time.
        } catch (RuleBrokenException refused) {
            NewItemForms.refused(model, refused, "name");
            return form(model, theme, id, name, purpose, visibility);
        }
        groups.awaitUntil(id, group -> true, GroupController.READ_YOUR_WRITE_WAIT);
        return "redirect:/groups/" + id;
    }

    private static GroupVisibility parse(String visibility) {
        if (visibility == null || visibility.isBlank()) {
            throw new InvalidInputException("visibility", "Choose who can see and join the group");
        }
        try {
            return GroupVisibility.valueOf(visibility);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("visibility", "Choose who can see and join the group");
        }
    }

    private static boolean isUuid(String value) {
        return value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private ThemeCard theme(String themeId) {
        return themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
    }

    private static String form(Model model, ThemeCard theme, String groupId, String name, String purpose,
            String visibility) {
        model.addAttribute("theme", theme);
        model.addAttribute("groupId", groupId);
        model.addAttribute("name", name);
        model.addAttribute("purpose", purpose);
        model.addAttribute("visibility", visibility);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "group/form";
    }
}
