package org.collaborative.app.web.theme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.app.theme.ThemeViews.ThemeSeen;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Challenge themes, as JSON. */
@RestController
@RequestMapping("/api/themes")
@Tag(name = "Themes")
class ThemeApi {

    private final ThemeViews themes;
    private final GroupPages groups;

    ThemeApi(ThemeViews themes, GroupPages groups) {
        this.themes = themes;
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "Every challenge theme, each with the number of its working groups the caller may see")
    List<ThemeSeen> all(@AuthenticationPrincipal WorkspaceUser user) {
        return ThemeViews.seenBy(themes.all(), groups.visibleGroups(user).keySet());
    }

    @GetMapping("/{themeId}")
    @Operation(summary = "One theme, with the number of its working groups the caller may see")
    ThemeSeen one(@PathVariable String themeId, @AuthenticationPrincipal WorkspaceUser user) {
        return ThemeViews.seenBy(
                themes.find(themeId).orElseThrow(() -> new NotFoundException("theme")),
                groups.visibleGroups(user).keySet());
    }
}
