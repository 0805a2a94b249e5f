package org.collaborative.app.web.theme;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.theme.ThemeCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Themes as JSON: each counts only the working groups the caller may see, never the stored card's own count. */
@ControllerSlice(ThemeApi.class)
class ThemeApiTest {

    static final String PRIVATE = "22222222-2222-4222-8222-222222222222";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void aThemeWithAnOpenAndAnInvitationOnlyGroup() {
        GroupPage invitationOnly = new GroupPage(
                PRIVATE,
                THEME,
                "Closed",
                "",
                "INVITATION_ONLY",
                NOW,
                List.of("someone-else"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                0L);
        when(context.getBean(GroupViews.class).allWithoutQuestions())
                .thenReturn(List.of(Slices.group(), invitationOnly));
        ThemeCard card = new ThemeCard(
                THEME, "Housing", "Homes for Londoners", NOW, List.of(GROUP, PRIVATE), false, Map.of(), 0L);
        when(context.getBean(ThemeViews.class).all()).thenReturn(List.of(card));
        when(context.getBean(ThemeViews.class).find(THEME)).thenReturn(Optional.of(card));
    }

    @Test
    void everyThemeCountsOnlyTheGroupsTheCallerMaySee() throws Exception {
        mvc.perform(get("/api/themes").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(THEME))
                .andExpect(jsonPath("$[0].groupCount").value(1))
                .andExpect(jsonPath("$[0].groupIds").doesNotExist());
    }

    @Test
    void oneThemeCountsOnlyTheGroupsTheCallerMaySee() throws Exception {
        mvc.perform(get("/api/themes/" + THEME).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Housing"))
                .andExpect(jsonPath("$.groupCount").value(1));
    }

    @Test
    void anUnknownThemeIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/themes/no-such-theme").with(as(MEMBER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
    }
}
