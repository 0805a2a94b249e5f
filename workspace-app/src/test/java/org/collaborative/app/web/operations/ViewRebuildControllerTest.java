package org.collaborative.app.web.operations;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Optional;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.operations.ViewRebuilds;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ViewRebuildController.class)
class ViewRebuildControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ViewRebuilds rebuilds;

    @BeforeEach
    void oneView() {
        when(rebuilds.views())
                .thenReturn(List.of(new ViewRebuilds.ViewStatus("items", 12, Optional.empty(), Optional.empty())));
    }

    @Test
    void showsTheViewsOnTheWholePage() throws Exception {
        mvc.perform(get("/admin/views").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("operations/views"))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"views\"")));
    }

    @Test
    void theStatusFragmentIsTheTableAlone() throws Exception {
        mvc.perform(get("/admin/views/status").header("HX-Request", "true").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("operations/views :: views"))
                .andExpect(content().string(containsString("id=\"views\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aRefusedRebuildIsAnErrorOnThatView() throws Exception {
        when(rebuilds.request("items", "member:" + ADMINISTRATOR.memberId()))
                .thenThrow(new RuleBrokenException("A rebuild of items is already under way"));
        mvc.perform(post("/admin/views/items/rebuilds").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#view-items\"")))
                .andExpect(content().string(containsString("A rebuild of items is already under way")));
        verify(rebuilds).request("items", "member:" + ADMINISTRATOR.memberId());
    }
}
