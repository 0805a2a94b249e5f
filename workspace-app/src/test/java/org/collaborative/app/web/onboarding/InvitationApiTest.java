package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.collaborative.app.account.SignedIn;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Invitations as JSON: who sees which, exactly what is asked of Invitations, and refusals as problem details. */
@ControllerSlice(InvitationApi.class)
class InvitationApiTest {

    private static final WorkspaceUser CAMDEN_ADMIN =
            SignedIn.as("olu", "camden", MemberRole.ORGANISATION_ADMINISTRATOR);

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invitations;

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }

    @Test
    void anOrganisationAdministratorSeesTheirOrganisationsPendingInvitations() throws Exception {
        when(accounts.pendingInvitations("camden"))
                .thenReturn(List.of(new Accounts.Invitee(
                        "m1",
                        "ada@camden.example",
                        "Ada Lovelace",
                        "Head of data",
                        "camden",
                        MemberRole.SERVICE_LEADER,
                        Instant.parse("2026-11-01T09:00:00Z"))));
        mvc.perform(get("/api/invitations").with(as(CAMDEN_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].memberId").value("m1"))
                .andExpect(jsonPath("$[0].email").value("ada@camden.example"))
                .andExpect(jsonPath("$[0].invitedAt").value("2026-11-01T09:00:00Z"));
    }

    @Test
    void invitingAsksInvitationsForExactlyThatPersonAndIs201() throws Exception {
        Invitations.Invite invite = new Invitations.Invite(
                "Ada Lovelace", "ada@camden.example", "camden", MemberRole.SERVICE_LEADER, "Head of data");
        when(invitations.invite(actor(ADMINISTRATOR), invite))
                .thenReturn(new Invitations.Invited("m1", true, "https://example.org/link"));
        mvc.perform(post("/api/invitations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ada Lovelace\",\"email\":\"ada@camden.example\","
                                + "\"organisationId\":\"camden\",\"role\":\"SERVICE_LEADER\","
                                + "\"jobTitle\":\"Head of data\"}")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.memberId").value("m1"))
                .andExpect(jsonPath("$.emailed").value(true))
                .andExpect(jsonPath("$.link").doesNotExist());
        verify(invitations).invite(actor(ADMINISTRATOR), invite);
    }

    @Test
    void noRoleIsAnInvalidInputProblemAndAnInvalidAddressIsTheFieldsProblem() throws Exception {
        mvc.perform(post("/api/invitations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ada\",\"email\":\"ada@camden.example\",\"organisationId\":\"camden\"}")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.detail").value("Choose a role"));
        verifyNoInteractions(invitations);

        when(invitations.invite(any(), any()))
                .thenThrow(new InvalidInputException("email", "Enter an email address in the correct format"));
        mvc.perform(post("/api/invitations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ada\",\"email\":\"ada\",\"organisationId\":\"camden\","
                                + "\"role\":\"SERVICE_LEADER\"}")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void resendingAndRevokingAreAskedForThatMember() throws Exception {
        when(invitations.resend(actor(CAMDEN_ADMIN), "m1")).thenReturn(true);
        mvc.perform(post("/api/invitations/m1/resend").with(as(CAMDEN_ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailed").value(true));
        mvc.perform(delete("/api/invitations/m1").with(as(CAMDEN_ADMIN)).with(csrf()))
                .andExpect(status().isNoContent());
        verify(invitations).revoke(actor(CAMDEN_ADMIN), "m1");
    }

    @Test
    void aRevocationTheMemberRefusesIsA422Problem() throws Exception {
        org.mockito.Mockito.doThrow(new RuleBrokenException("This invitation has already been accepted"))
                .when(invitations)
                .revoke(actor(ADMINISTRATOR), "m1");
        mvc.perform(delete("/api/invitations/m1").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail").value("This invitation has already been accepted"));
    }

    @Test
    void someoneWhoInvitesNobodyIsForbidden() throws Exception {
        mvc.perform(get("/api/invitations").with(as(MEMBER))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/invitations/m1").with(as(MEMBER)).with(csrf())).andExpect(status().isForbidden());
        verifyNoInteractions(invitations);
    }
}
