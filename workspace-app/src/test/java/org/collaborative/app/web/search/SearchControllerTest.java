package org.collaborative.app.web.search;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.search.Search;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.search.SearchEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The search page: what it asks the index for (only the reader's groups), and how each kind of result reads. */
@ControllerSlice(SearchController.class)
class SearchControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Search search;

    private final ItemView evidence = Slices.item("e-1", "evidence", "CURRENT", MEMBER);

    @BeforeEach
    void aGroupAndItsEvidence() {
        when(context.getBean(GroupViews.class).allWithoutQuestions()).thenReturn(List.of(Slices.group()));
        when(context.getBean(ItemViews.class).findAll(any())).thenReturn(List.of(evidence));
    }

    @Test
    void withoutAQueryThePageSearchesNothing() throws Exception {
        mvc.perform(get("/search").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("search/search"))
                .andExpect(content().string(containsString("Search working groups, questions, evidence")))
                .andExpect(content().string(not(containsString("id=\"results-heading\""))));
        verifyNoInteractions(search);
    }

    @Test
    void asksOnlyForTheGroupsTheReaderMaySeeAndDropsAnUnknownType() throws Exception {
        when(search.search(any(), any(), any(), anyInt())).thenReturn(List.of());
        mvc.perform(get("/search")
                        .param("q", "auction")
                        .param("type", "practice-that-does-not-exist")
                        .param("theme", THEME)
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No results")));
        verify(search)
                .search(
                        eq(Search.parse("auction")),
                        eq(Set.of(GROUP)),
                        eq(new Search.Filters(THEME, null, null)),
                        eq(SearchController.RESULTS));
    }

    @Test
    void aGroupAndEvidenceReadAsTheirKindWithPlainTextSnippets() throws Exception {
        when(search.search(any(), any(), any(), anyInt()))
                .thenReturn(List.of(
                        new Search.Hit(entry("group", GROUP, "Temporary accommodation", "Fewer families in B&Bs"), 2),
                        new Search.Hit(
                                entry("evidence", "e-1", "Title of e-1", "The **every** auction saved £400,000"), 1)));
        mvc.perform(get("/search").param("q", "auction").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 results")))
                .andExpect(content().string(containsString("govuk-tag--grey\">Working group</strong>")))
                .andExpect(content().string(containsString("href=\"/groups/" + GROUP + "\"")))
                .andExpect(content().string(containsString("href=\"/items/e-1\"")))
                .andExpect(content().string(containsString("The every auction saved £400,000")))
                .andExpect(content().string(not(containsString("**every**"))));
    }

    @Test
    void aHitWhoseItemIsNoLongerThereIsLeftOut() throws Exception {
        when(context.getBean(ItemViews.class).findAll(any())).thenReturn(List.of());
        when(search.search(any(), any(), any(), anyInt()))
                .thenReturn(List.of(
                        new Search.Hit(entry("group", GROUP, "Temporary accommodation", "Fewer families"), 2),
                        new Search.Hit(entry("evidence", "e-gone", "Gone", "auction"), 1)));
        mvc.perform(get("/search").param("q", "auction").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 result")))
                .andExpect(content().string(not(containsString("/items/e-gone"))));
    }

    private static SearchEntry entry(String type, String itemId, String title, String text) {
        return new SearchEntry(
                itemId,
                type,
                itemId,
                GROUP,
                THEME,
                Slices.COUNCIL,
                title,
                text,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                NOW,
                null,
                Map.of(),
                0L);
    }
}
