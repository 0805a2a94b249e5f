package org.collaborative.app.web.search;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.search.Search;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.search.SearchEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Search as JSON: what it asks the index for, where each result leads, and bad input as a problem detail. */
@ControllerSlice(SearchApi.class)
class SearchApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Search search;

    @BeforeEach
    void aGroup() {
        when(context.getBean(GroupViews.class).allWithoutQuestions()).thenReturn(List.of(Slices.group()));
    }

    @Test
    void searchesTheReadersGroupsAndSaysWhereEachResultLeads() throws Exception {
        when(search.search(any(), any(), any(), anyInt()))
                .thenReturn(List.of(
                        new Search.Hit(entry("group", GROUP, "Temporary accommodation", "Fewer families"), 2.5),
                        new Search.Hit(entry("evidence", "e-1", "E-auction", "The **every** auction"), 1.5)));
        mvc.perform(get("/api/search")
                        .param("q", "auction")
                        .param("type", "evidence")
                        .param("limit", "5")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].path").value("/groups/" + GROUP))
                .andExpect(jsonPath("$[1].path").value("/items/e-1"))
                .andExpect(jsonPath("$[1].snippet").value("The every auction"))
                .andExpect(jsonPath("$[1].score").value(1.5));
        verify(search)
                .search(
                        eq(Search.parse("auction")),
                        eq(Set.of(GROUP)),
                        eq(new Search.Filters(null, "evidence", null)),
                        eq(5));
    }

    @Test
    void aQueryOfOnlyStopWordsIsAProblemOnQ() throws Exception {
        mvc.perform(get("/api/search").param("q", "the").with(as(MEMBER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        verifyNoInteractions(search);
    }

    @Test
    void anUnknownTypeIsAProblemOnType() throws Exception {
        mvc.perform(get("/api/search")
                        .param("q", "auction")
                        .param("type", "retreat")
                        .with(as(MEMBER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        verifyNoInteractions(search);
    }

    @Test
    void aLimitOutsideOneToAHundredIsAProblemOnLimit() throws Exception {
        mvc.perform(get("/api/search")
                        .param("q", "auction")
                        .param("limit", "101")
                        .with(as(MEMBER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        verifyNoInteractions(search);
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
