package org.collaborative.app.group.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.app.theme.ThemeViews.ThemeCard;
import org.collaborative.events.group.GroupVisibility;
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
        // The same form sent twice forms one group (its id was minted when the form was shown).
        Optional<Refusal> refused = visibility(visibility).or(() -> commands.attemptOnce(new FormWorkingGroup(id,
                themeId, name, purpose, GroupVisibility.valueOf(visibility), user.memberId(), user.organisationId(),
                clock.instant())));
        if (refused.isPresent()) {
            refused.get().showOn(model, "name");
            return form(model, theme, id, name, purpose, visibility);
        }
        groups.awaitUntil(id, group -> true, GroupController.READ_YOUR_WRITE_WAIT);
        return "redirect:/groups/" + id;
    }

    /** Empty when a known visibility was chosen, else the refusal to show on the field. */
    private static Optional<Refusal> visibility(String visibility) {
        boolean known = visibility != null
                && Arrays.stream(GroupVisibility.values()).anyMatch(value -> value.name().equals(visibility));
        return known ? Optional.empty()
                : Optional.of(Refusal.invalid("visibility", "Choose who can see and join the group"));
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
