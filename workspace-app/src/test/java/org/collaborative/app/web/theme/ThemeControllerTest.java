package org.collaborative.app.web.theme;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.app.theme.ArchiveTheme;
import org.collaborative.app.theme.CreateTheme;
import org.collaborative.app.theme.ThemeViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ThemeController.class)
class ThemeControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @BeforeEach
    void aTheme() {
        when(context.getBean(ThemeViews.class).find(THEME)).thenReturn(Optional.of(Slices.theme()));
        when(context.getBean(ThemeViews.class).all()).thenReturn(List.of(Slices.theme()));
    }

    @Test
    void listsTheThemes() throws Exception {
        mvc.perform(get("/themes").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("theme/themes"))
                .andExpect(content().string(containsString("Housing")));
    }

    @Test
    void showsATheme() throws Exception {
        mvc.perform(get("/themes/" + THEME).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("theme/theme"))
                .andExpect(content().string(containsString("Homes for Londoners")));
    }

    @Test
    void aThemesGroupsShowHowManyQuestionsTheyHaveAndArchivedOnesApart() throws Exception {
        org.collaborative.views.group.GroupPage group = Slices.group();
        when(context.getBean(org.collaborative.app.group.GroupViews.class).cardsOnTheme(THEME))
                .thenReturn(List.of(
                        new org.collaborative.app.group.GroupViews.GroupCard(group, 1),
                        new org.collaborative.app.group.GroupViews.GroupCard(
                                group.renamed("Busy group", "").withArchived(null), 2045),
                        new org.collaborative.app.group.GroupViews.GroupCard(
                                group.renamed("Old group", "")
                                        .withArchived(new org.collaborative.views.group.GroupPage.Archival(
                                                "Done", FACILITATOR.memberId(), NOW)),
                                3)));
        mvc.perform(get("/themes/" + THEME).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 question<")))
                .andExpect(content().string(containsString("2045 questions")))
                .andExpect(content().string(containsString("id=\"archived-groups\"")))
                .andExpect(content().string(containsString("Old group")));
    }

    @Test
    void creatingSendsCreateThemeWithAnIdFromTheTitle() throws Exception {
        mvc.perform(post("/themes")
                        .param("title", "Adult Social Care")
                        .param("summary", "Care at home")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/themes/adult-social-care?saved=created"));
        verify(gateway)
                .sendAndWait(new CreateTheme(
                        "adult-social-care", "Adult Social Care", "Care at home", FACILITATOR.memberId(), NOW));
    }

    /** Found by the request fuzzer: a 120-character title made a 120-character id, too long for the directory (500). */
    @Test
    void aLongTitleMakesAnIdTheDirectoryCanHold() throws Exception {
        String title = "Recycling pilot evidence ".repeat(4).strip() + " budget";
        String id = "recycling-pilot-evidence-recycling-pilot-evidence-recycling-pilo";
        mvc.perform(post("/themes")
                        .param("title", title)
                        .param("summary", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/themes/" + id + "?saved=created"));
        verify(gateway).sendAndWait(new CreateTheme(id, title, "", FACILITATOR.memberId(), NOW));
        org.assertj.core.api.Assertions.assertThat(id).hasSize(64);
    }

    @Test
    void aTitleTakenAlreadyIsAnErrorOnTheTitle() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        mvc.perform(post("/themes")
                        .param("title", "Housing")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("theme/form"))
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("There is already a theme called Housing")));
    }

    @Test
    void anEmptyTitleIsRefusedWithoutACommand() throws Exception {
        mvc.perform(post("/themes").param("title", " ").with(as(FACILITATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a title")));
        verifyNoInteractions(gateway);
    }

    @Test
    void archivingSendsArchiveTheme() throws Exception {
        mvc.perform(post("/themes/" + THEME + "/archive").with(as(FACILITATOR)).with(csrf()))
                .andExpect(redirectedUrl("/themes?archived=" + THEME));
        verify(gateway)
                .sendAndWait(new ArchiveTheme(
                        THEME,
                        new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }
}
