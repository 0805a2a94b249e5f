package org.collaborative.app.web.group;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
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

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.group.WorkingGroup;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.group.GroupVisibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(GroupFormController.class)
class GroupFormControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @BeforeEach
    void aTheme() {
        when(context.getBean(ThemeViews.class).find(THEME)).thenReturn(Optional.of(Slices.theme()));
    }

    @Test
    void showsTheForm() throws Exception {
        mvc.perform(get("/themes/" + THEME + "/groups/new").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("group/form"))
                .andExpect(content().string(containsString("name=\"groupId\"")));
    }

    @Test
    void formingSendsFormWorkingGroupWithTheMintedId() throws Exception {
        mvc.perform(post("/themes/" + THEME + "/groups")
                        .param("groupId", GROUP)
                        .param("name", "Rough sleeping")
                        .param("purpose", "Fewer people sleeping rough")
                        .param("visibility", "COUNCIL_ONLY")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP));
        verify(gateway)
                .sendAndWait(new FormWorkingGroup(
                        GROUP,
                        THEME,
                        "Rough sleeping",
                        "Fewer people sleeping rough",
                        GroupVisibility.COUNCIL_ONLY,
                        FACILITATOR.memberId(),
                        FACILITATOR.organisationId(),
                        NOW));
    }

    @Test
    void noVisibilityIsAnErrorOnThatFieldBeforeAnyCommand() throws Exception {
        mvc.perform(post("/themes/" + THEME + "/groups")
                        .param("groupId", GROUP)
                        .param("name", "Rough sleeping")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/form"))
                .andExpect(content().string(containsString("href=\"#visibility\"")))
                .andExpect(content().string(containsString("Choose who can see and join the group")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aBrokenRuleLinksToTheName() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("This theme is archived"));
        mvc.perform(post("/themes/" + THEME + "/groups")
                        .param("groupId", GROUP)
                        .param("name", "Rough sleeping")
                        .param("visibility", "OPEN")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#name\"")))
                .andExpect(content().string(containsString("This theme is archived")));
    }

    @Test
    void anEmptyFormShowsTheNameAndTheVisibilityErrorsAtOnce() throws Exception {
        mvc.perform(post("/themes/" + THEME + "/groups")
                        .param("groupId", GROUP)
                        .param("name", "")
                        .param("purpose", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#name\"")))
                .andExpect(content().string(containsString("Enter the name of the group")))
                .andExpect(content().string(containsString("href=\"#visibility\"")))
                .andExpect(content().string(containsString("Choose who can see and join the group")))
                .andExpect(content().string(containsString("data-maxlength=\"" + WorkingGroup.MAX_NAME + "\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void theSameFormSentAgainOpensTheSameGroup() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        mvc.perform(post("/themes/" + THEME + "/groups")
                        .param("groupId", GROUP)
                        .param("name", "Rough sleeping")
                        .param("visibility", "OPEN")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP));
    }
}
