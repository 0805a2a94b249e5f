package org.collaborative.app.theme.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Challenge themes, as JSON. */
@RestController
@RequestMapping("/api/themes")
@Tag(name = "Themes")
class ThemeApi {

    /** A theme as the API shows it: the stored card's list of groups (private ones included) is not shown. */
    record Theme(String id, String title, String summary, int groupCount, boolean archived) {

        static Theme of(ThemeCard card) {
            return new Theme(card.id(), card.title(), card.summary(), card.groupCount(), card.archived());
        }
    }

    private final ThemeViews themes;
    ThemeApi(ThemeViews themes) {
        this.themes = themes;
    }

    @GetMapping
    @Operation(summary = "Every challenge theme")
    List<Theme> all() {
        return themes.all().stream().map(Theme::of).toList();
    }

    @GetMapping("/{themeId}")
    @Operation(summary = "One theme")
    Theme one(@PathVariable String themeId) {
        return themes.find(themeId).map(Theme::of).orElseThrow(() -> new NotFoundException("theme"));
    }
}
