package org.collaborative.app.theme.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.app.theme.ThemeViews.ThemeCard;
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
    ThemeApi(ThemeViews themes) {
        this.themes = themes;
    }

    @GetMapping
    @Operation(summary = "Every challenge theme")
    List<ThemeCard> all() {
        return themes.all();
    }

    @GetMapping("/{themeId}")
    @Operation(summary = "One theme")
    ThemeCard one(@PathVariable String themeId) {
        return themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
    }
}
