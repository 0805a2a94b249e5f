package org.collaborative.app.web.group;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
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

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.ArchiveWorkingGroup;
import org.collaborative.app.group.RenameWorkingGroup;
import org.collaborative.app.group.ReopenWorkingGroup;
import org.collaborative.app.group.WorkingGroup;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(GroupSettingsController.class)
class GroupSettingsControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @BeforeEach
    void aGroup() {
        Slices.given(context, Slices.group());
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }

    @Test
    void aFacilitatorOfTheGroupSeesTheFormFilledInWithCharacterCounts() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/edit").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("group/edit"))
                .andExpect(content().string(containsString("value=\"Temporary accommodation\"")))
                .andExpect(content().string(containsString("Fewer families in B&amp;Bs")))
                .andExpect(content().string(containsString("data-maxlength=\"" + WorkingGroup.MAX_NAME + "\"")))
                .andExpect(content().string(containsString("data-maxlength=\"" + WorkingGroup.MAX_PURPOSE + "\"")))
                .andExpect(content().string(containsString("data-maxlength=\"" + WorkingGroup.MAX_REASON + "\"")))
                .andExpect(content().string(containsString("id=\"archive-reason\"")));
    }

    @Test
    void anAdministratorWhoIsNotInTheGroupReachesTheForm() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/edit").with(as(ADMINISTRATOR))).andExpect(status().isOk());
    }

    @Test
    void toAMemberWhoDoesNotLookAfterTheGroupTheFormDoesNotExist() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/edit").with(as(MEMBER))).andExpect(status().isNotFound());
        mvc.perform(post("/groups/" + GROUP + "/edit")
                        .param("name", "Mine")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }

    @Test
    void renamingSendsRenameWorkingGroupAndShowsTheGroup() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/edit")
                        .param("name", "Emergency housing")
                        .param("purpose", "No families in B&Bs")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP + "?done=renamed"));
        verify(gateway)
                .sendAndWait(new RenameWorkingGroup(
                        GROUP, "Emergency housing", "No families in B&Bs", actor(FACILITATOR), NOW));
    }

    @Test
    void everyErrorOfTheRenameFormIsShownAtOnceWithTheValuesKept() throws Exception {
        String longPurpose = "p".repeat(WorkingGroup.MAX_PURPOSE + 1);
        mvc.perform(post("/groups/" + GROUP + "/edit")
                        .param("name", "")
                        .param("purpose", longPurpose)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/edit"))
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#name\"")))
                .andExpect(content().string(containsString("Enter the name of the group")))
                .andExpect(content().string(containsString("href=\"#purpose\"")))
                .andExpect(content().string(containsString("What the group is for must be 2,000 characters or fewer")))
                .andExpect(content().string(containsString(longPurpose)));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedRenameIsShownInTheErrorSummary() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("This group is archived, so you cannot rename it"));
        mvc.perform(post("/groups/" + GROUP + "/edit")
                        .param("name", "Emergency housing")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#name\"")))
                .andExpect(content().string(containsString("This group is archived, so you cannot rename it")))
                .andExpect(content().string(containsString("value=\"Emergency housing\"")));
    }

    @Test
    void archivingNeedsAReasonLinkedToItsField() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/archive")
                        .param("reason", " ")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/edit"))
                .andExpect(content().string(containsString("href=\"#archive-reason\"")))
                .andExpect(content().string(containsString("Enter why the group is being archived")))
                .andExpect(content().string(containsString("govuk-textarea--error")));
        verifyNoInteractions(gateway);
    }

    @Test
    void archivingSendsArchiveWorkingGroup() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/archive")
                        .param("reason", "Its work moved to the housing board")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP + "?done=archived"));
        verify(gateway)
                .sendAndWait(
                        new ArchiveWorkingGroup(GROUP, "Its work moved to the housing board", actor(FACILITATOR), NOW));
    }

    @Test
    void anAdministratorReopensTheGroup() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/reopen").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP + "?done=reopened"));
        verify(gateway).sendAndWait(new ReopenWorkingGroup(GROUP, actor(ADMINISTRATOR), NOW));
    }

    @Test
    void aRefusedReopenShowsTheGroupPageWithTheError() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("Only administrators can reopen an archived group"));
        mvc.perform(post("/groups/" + GROUP + "/reopen").with(as(FACILITATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group"))
                .andExpect(content().string(containsString("href=\"#reopen\"")))
                .andExpect(content().string(containsString("Only administrators can reopen an archived group")))
                .andExpect(content().string(not(containsString("id=\"archived\""))));
    }
}
