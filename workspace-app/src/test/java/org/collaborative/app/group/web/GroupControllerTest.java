package org.collaborative.app.group.web;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.group.LeaveWorkingGroup;
import org.collaborative.app.live.LiveUpdates;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.group.GroupPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(GroupController.class)
class GroupControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @MockitoBean
    LiveUpdates live;

    @BeforeEach
    void aGroup() {
        Slices.given(context, Slices.group());
    }

    @Test
    void showsTheWholePage() throws Exception {
        mvc.perform(get("/groups/" + GROUP).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group"))
                .andExpect(content().string(containsString("Temporary accommodation")))
                .andExpect(content().string(containsString("id=\"question-form\"")))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void theQuestionsFragmentIsTheListAlone() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/questions")
                        .header("HX-Request", "true")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group :: questions-refresh"))
                .andExpect(content().string(containsString("id=\"questions\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void anInvitationOnlyGroupIsNotFoundForSomeoneNotInIt() throws Exception {
        when(context.getBean(GroupViews.class).find(GROUP))
                .thenReturn(Optional.of(new GroupPage(
                        GROUP,
                        THEME,
                        "Closed",
                        "",
                        "INVITATION_ONLY",
                        NOW,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        mvc.perform(get("/groups/" + GROUP).with(as(OUTSIDER))).andExpect(status().isNotFound());
    }

    @Test
    void joiningAnOpenGroupSendsJoinWorkingGroup() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/members").with(as(OUTSIDER)).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP + "?done=joined"));
        verify(gateway)
                .sendAndWait(new JoinWorkingGroup(
                        GROUP, OUTSIDER.memberId(), OUTSIDER.organisationId(), OUTSIDER.role(), NOW));
    }

    @Test
    void aRefusedLeaveShowsThePageWithTheErrorOnTheLeaveButton() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Appoint another facilitator first"));
        mvc.perform(post("/groups/" + GROUP + "/leave").with(as(FACILITATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group"))
                .andExpect(content().string(containsString("href=\"#leave\"")))
                .andExpect(content().string(containsString("Appoint another facilitator first")));
        verify(gateway).sendAndWait(new LeaveWorkingGroup(GROUP, FACILITATOR.memberId(), NOW));
    }

    @Test
    void anInvitationToAnUnknownEmailIsRefusedWithoutACommand() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/invitations")
                        .param("email", "nobody@example.org")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#invite-email\"")))
                .andExpect(content().string(containsString("There is no member with that email address")));
        verifyNoInteractions(gateway);
    }
}
