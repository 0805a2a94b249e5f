package org.collaborative.app.web.library;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.app.theme.ThemeViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The evidence library (filters and CSV), the proposal pipeline by stage, and a group's items as CSV. */
@ControllerSlice(LibraryController.class)
class LibraryControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ItemViews items;

    @BeforeEach
    void oneGroupWithEvidenceAndAProposal() {
        Slices.given(context, Slices.group());
        when(context.getBean(GroupViews.class).allWithoutQuestions()).thenReturn(List.of(Slices.group()));
        when(context.getBean(ThemeViews.class).all()).thenReturn(List.of(Slices.theme()));
        when(items.ofType(eq(ItemType.EVIDENCE), eq(Set.of(GROUP)), any()))
                .thenReturn(List.of(Slices.item("e1", "evidence", "CURRENT", MEMBER)));
        when(items.ofType(eq(ItemType.PROPOSAL), eq(Set.of(GROUP)), any()))
                .thenReturn(List.of(Slices.item("p1", "proposal", "OPEN_FOR_CHALLENGE", MEMBER)));
    }

    @Test
    void theLibraryListsTheEvidenceOfVisibleGroupsAndAFilterLeavesOutWhatDoesNotMatch() throws Exception {
        mvc.perform(get("/evidence").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("library/evidence"))
                .andExpect(
                        content().string(allOf(containsString("Title of e1"), containsString("href=\"/items/e1\""))));
        mvc.perform(get("/evidence?level=5&theme=" + THEME).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/items/e1\""))));
    }

    @Test
    void theLibraryAsCsvHasAHeaderAndARowPerItem() throws Exception {
        String csv = mvc.perform(get("/evidence.csv").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"evidence-library.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv)
                .startsWith("\uFEFF\"Title\",\"Theme\",\"Group\",\"Kind\",\"Level\",\"Source\"")
                .contains("\"Title of e1\",\"housing\",\"Temporary accommodation\",")
                .contains("\"3\",\"https://example.org/report\"")
                .contains("/items/e1");
    }

    @Test
    void thePipelineShowsEachProposalUnderItsStage() throws Exception {
        mvc.perform(get("/proposals").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("library/proposals"))
                .andExpect(
                        content().string(allOf(containsString("Title of p1"), containsString("href=\"/items/p1\""))));
    }

    @Test
    void aGroupsItemsAsCsvAreNamedAfterTheGroup() throws Exception {
        when(items.ofType(ItemType.QUESTION, List.of(GROUP), null))
                .thenReturn(List.of(Slices.item("q1", "question", "OPEN", MEMBER)));
        when(items.ofType(ItemType.EVIDENCE, List.of(GROUP), null)).thenReturn(List.of());
        when(items.ofType(ItemType.PROPOSAL, List.of(GROUP), null)).thenReturn(List.of());
        mvc.perform(get("/groups/" + GROUP + "/items.csv").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"temporary-accommodation-items.csv\""))
                .andExpect(content()
                        .string(allOf(
                                startsWith("\uFEFF\"Type\",\"Title\",\"Status\""), containsString("Title of q1"))));
    }
}
