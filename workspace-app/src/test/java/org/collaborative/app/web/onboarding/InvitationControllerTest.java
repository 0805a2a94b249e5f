package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.collaborative.app.account.SignedIn;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(InvitationController.class)
class InvitationControllerTest {

    private static final WorkspaceUser CAMDEN_ADMIN =
            SignedIn.as("ca-1", "camden", MemberRole.ORGANISATION_ADMINISTRATOR);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Invitations invitations;

    @BeforeEach
    void organisationsAndOnePendingInvitation() {
        when(context.getBean(OrganisationViews.class).all())
                .thenReturn(List.of(
                        new OrganisationCard("camden", "Camden", "LOCAL_AUTHORITY", null, null, null, null, null, null),
                        new OrganisationCard(
                                "hackney", "Hackney", "LOCAL_AUTHORITY", null, null, null, null, null, null)));
        when(context.getBean(Accounts.class).pendingInvitations(any()))
                .thenReturn(List.of(new Accounts.Invitee(
                        "m-9",
                        "grace.adeyemi@camden.example",
                        "Grace Adeyemi",
                        "",
                        "camden",
                        MemberRole.SERVICE_LEADER,
                        Slices.NOW)));
    }

    @Test
    void listsPendingInvitationsWithResendAndRevoke() throws Exception {
        mvc.perform(get("/admin/invitations").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Grace Adeyemi"),
                                containsString("/admin/invitations/m-9/resend"),
                                containsString("/admin/invitations/m-9/revoke"),
                                containsString("3 November 2026"))));
    }

    @Test
    void invitingSendsTheInvitationAndSaysSo() throws Exception {
        mvc.perform(post("/admin/invitations")
                        .param("name", "Grace Adeyemi")
                        .param("email", "grace.adeyemi@camden.example")
                        .param("organisationId", "camden")
                        .param("role", "CHIEF_EXECUTIVE")
                        .param("jobTitle", "Chief executive")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/invitations?sent"));
        verify(invitations)
                .invite(
                        new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role()),
                        new Invitations.Invite(
                                "Grace Adeyemi",
                                "grace.adeyemi@camden.example",
                                "camden",
                                MemberRole.CHIEF_EXECUTIVE,
                                "Chief executive"));
    }

    @Test
    void everyMissingFieldIsShownAtOnceKeepingWhatWasTyped() throws Exception {
        mvc.perform(post("/admin/invitations")
                        .param("name", "")
                        .param("email", "")
                        .param("organisationId", "")
                        .param("role", "")
                        .param("jobTitle", "Head of parks")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("<a href=\"#name\">Enter the person’s full name</a>"),
                                containsString("<a href=\"#email\">Enter the person’s email address</a>"),
                                containsString("<a href=\"#organisationId\">Choose the person’s organisation</a>"),
                                containsString("<a href=\"#role\">Choose a role</a>"),
                                containsString("id=\"name-error\""),
                                containsString("id=\"role-error\""),
                                containsString("value=\"Head of parks\""))));
        verifyNoInteractions(invitations);
    }

    @Test
    void aBadEmailAndTooLongTextAreShownAtOnceWithTheLimits() throws Exception {
        mvc.perform(post("/admin/invitations")
                        .param("name", "G".repeat(101))
                        .param("email", "grace at camden")
                        .param("organisationId", "camden")
                        .param("role", "CHIEF_EXECUTIVE")
                        .param("jobTitle", "J".repeat(101))
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<a href=\"#name\">Their name must be 100 characters or fewer</a>"),
                                containsString("<a href=\"#email\">Enter an email address in the correct format"),
                                containsString(
                                        "<a href=\"#jobTitle\">Their job title must be 100 characters or fewer</a>"),
                                containsString("id=\"name-info\""),
                                containsString("id=\"jobTitle-info\""),
                                containsString("value=\"grace at camden\""),
                                containsString("value=\"CHIEF_EXECUTIVE\" selected"))));
        verifyNoInteractions(invitations);
    }

    @Test
    void aRefusedInvitationIsShownOnItsField() throws Exception {
        when(invitations.invite(any(), any()))
                .thenThrow(
                        new InvalidInputException("email", "Someone with this email address already has an account"));
        mvc.perform(post("/admin/invitations")
                        .param("name", "Grace Adeyemi")
                        .param("email", "grace.adeyemi@camden.example")
                        .param("organisationId", "camden")
                        .param("role", "SERVICE_LEADER")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"#email\""),
                                containsString("Someone with this email address already has an account"),
                                containsString("value=\"Grace Adeyemi\""))));
    }

    @Test
    void anOrganisationAdministratorIsOfferedOnlyTheirOrganisationAndNoAdministratorRole() throws Exception {
        mvc.perform(get("/admin/invitations").with(as(CAMDEN_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<option value=\"camden\" selected=\"selected\">Camden</option>"),
                                not(containsString(">Hackney</option>")),
                                not(containsString("value=\"ADMINISTRATOR\"")),
                                containsString("value=\"ORGANISATION_ADMINISTRATOR\""))));
        verify(context.getBean(Accounts.class)).pendingInvitations(eq("camden"));
    }

    @Test
    void resendingSaysItWasSentAgain() throws Exception {
        mvc.perform(post("/admin/invitations/m-9/resend").with(as(CAMDEN_ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/invitations?resent"));
        verify(invitations).resend(new Actor("ca-1", "camden", MemberRole.ORGANISATION_ADMINISTRATOR), "m-9");
    }
}
