package org.collaborative.app.web.home;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' page links to each of their tools. */
@ControllerSlice(AdministrationController.class)
class AdministrationControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void listsEveryAdministratorsTool() throws Exception {
        mvc.perform(get("/admin").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("home/admin"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1 class=\"govuk-heading-xl\">Administration</h1>"),
                                containsString("href=\"/admin/members\""),
                                containsString("href=\"/admin/security-log\""),
                                containsString("href=\"/admin/parked\""),
                                containsString("href=\"/moderation\""))));
    }
}
