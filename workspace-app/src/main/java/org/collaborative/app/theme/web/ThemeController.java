package org.collaborative.app.theme.web;

import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.theme.ThemeViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The challenge themes, and the working groups on each. */
@Controller
class ThemeController {

    private final ThemeViews themes;
    private final GroupViews groups;

    ThemeController(ThemeViews themes, GroupViews groups) {
        this.themes = themes;
        this.groups = groups;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/themes";
    }

    @GetMapping("/themes")
    String themes(Model model) {
        model.addAttribute("themes", themes.all());
        return "theme/themes";
    }

    @GetMapping("/themes/{themeId}")
    String theme(@PathVariable String themeId, Model model) {
        model.addAttribute("theme", themes.find(themeId).orElseThrow(() -> new NotFoundException("theme")));
        model.addAttribute("groups", groups.onTheme(themeId));
        return "theme/theme";
    }
}
