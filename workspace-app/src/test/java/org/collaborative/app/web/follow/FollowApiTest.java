package org.collaborative.app.web.follow;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.follow.Follow;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.follow.Unfollow;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.views.follow.Follows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Following as JSON: the member's follows (without the view's bookkeeping), the exact commands, and problems. */
@ControllerSlice(FollowApi.class)
class FollowApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @BeforeEach
    void aGroup() {
        Slices.given(context, Slices.group());
        when(context.getBean(GroupViews.class).allWithoutQuestions()).thenReturn(List.of(Slices.group()));
    }

    @Test
    void listsWhatTheMemberFollowsWithoutTheViewsBookkeeping() throws Exception {
        when(context.getBean(FollowViews.class).of(MEMBER.memberId()))
                .thenReturn(new Follows(MEMBER.memberId(), List.of(GROUP), List.of(), Map.of(GROUP, 3L), 4L));
        mvc.perform(get("/api/follows").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupIds[0]").value(GROUP))
                .andExpect(jsonPath("$.applied").doesNotExist())
                .andExpect(jsonPath("$.version").doesNotExist());
    }

    @Test
    void followingAGroupSendsFollowAndIs201() throws Exception {
        mvc.perform(post("/api/follows")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\":\"group\",\"targetId\":\"" + GROUP + "\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.target").value("GROUP"));
        verify(gateway).sendAndWait(Follow.of(MEMBER.memberId(), FollowTarget.GROUP, GROUP, NOW));
    }

    @Test
    void unfollowingSendsUnfollowAndIs204() throws Exception {
        mvc.perform(delete("/api/follows/group/" + GROUP).with(as(MEMBER)).with(csrf()))
                .andExpect(status().isNoContent());
        verify(gateway).sendAndWait(Unfollow.of(MEMBER.memberId(), FollowTarget.GROUP, GROUP, NOW));
    }

    @Test
    void aGroupThatCannotBeSeenIsANotFoundProblemAndNothingIsSent() throws Exception {
        mvc.perform(post("/api/follows")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\":\"group\",\"targetId\":\"no-such-group\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aMissingTargetIsAnInvalidInputProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/follows")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\":\"group\",\"targetId\":\"\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("targetId"));
        verifyNoInteractions(gateway);
    }
}
