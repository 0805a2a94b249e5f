package org.collaborative.app.web.privacy;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(PolicyPagesController.class)
class PolicyPagesControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void showsTheAccessibilityStatement() throws Exception {
        mvc.perform(get("/accessibility").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("privacy/accessibility"))
                .andExpect(content().string(containsString("<h1")));
    }

    @Test
    void showsThePrivacyNotice() throws Exception {
        mvc.perform(get("/privacy").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("privacy/privacy-notice"))
                .andExpect(content().string(containsString("<h1")));
    }
}
