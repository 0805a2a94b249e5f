package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.onboarding.Invitations.LinkNotValidException;
import org.collaborative.app.onboarding.Passwords;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages reached from an emailed link. (Slices sign every request in; the real chain lets anyone reach these.) */
@ControllerSlice(AccountSetupController.class)
class AccountSetupControllerTest {

    private static final String TOKEN = "cGF5bG9hZA.c2lnbmF0dXJl";

    @Autowired
    MockMvc mvc;

    @Autowired
    Invitations invitations;

    @Autowired
    Passwords passwords;

    private final Accounts.Account invitee = new Accounts.Account(
            "m-9", "grace.adeyemi@camden.example", "Grace Adeyemi", "", "camden", MemberRole.SERVICE_LEADER, null);

    @Test
    void aWorkingInvitationLinkAsksForAPassword() throws Exception {
        when(invitations.invitee(TOKEN)).thenReturn(Optional.of(invitee));
        mvc.perform(get("/invitations/" + TOKEN).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Accept your invitation"),
                                containsString("Grace Adeyemi"),
                                containsString("autocomplete=\"new-password\""))));
    }

    @Test
    void aDeadInvitationLinkSaysWhatToDo() throws Exception {
        when(invitations.invitee(TOKEN)).thenReturn(Optional.empty());
        mvc.perform(get("/invitations/" + TOKEN).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ask whoever invited you to send the invitation again")));
    }

    @Test
    void acceptingLeadsToSignIn() throws Exception {
        mvc.perform(post("/invitations/" + TOKEN)
                        .param("password", "kettle orbit lantern")
                        .param("confirmation", "kettle orbit lantern")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/sign-in?account-ready"));
        verify(invitations).accept(TOKEN, "kettle orbit lantern", "kettle orbit lantern");
    }

    @Test
    void aRefusedPasswordIsAnErrorSummaryAndThePasswordIsNotShownAgain() throws Exception {
        when(invitations.invitee(TOKEN)).thenReturn(Optional.of(invitee));
        when(invitations.accept(eq(TOKEN), anyString(), anyString()))
                .thenThrow(new InvalidInputException("password", "Password must be 8 characters or more"));
        mvc.perform(post("/invitations/" + TOKEN)
                        .param("password", "short")
                        .param("confirmation", "short")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("href=\"#password\""),
                                containsString("Password must be 8 characters or more"),
                                not(containsString("value=\"short\"")))));
    }

    @Test
    void aLinkUsedUpMeanwhileSaysSo() throws Exception {
        when(invitations.accept(any(), any(), any())).thenThrow(new LinkNotValidException());
        mvc.perform(post("/invitations/" + TOKEN)
                        .param("password", "kettle orbit lantern")
                        .param("confirmation", "kettle orbit lantern")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(content().string(containsString("This link has expired or has already been used")));
    }

    @Test
    void askingForAResetAnswersTheSameWhateverTheAddress() throws Exception {
        mvc.perform(post("/password/forgotten")
                        .param("email", "anyone@camden.example")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Check your email"),
                                containsString(
                                        "If <strong>anyone@camden.example</strong> belongs to a Collaborative"))));
        verify(passwords).requestReset(eq("anyone@camden.example"), any());
    }

    @Test
    void aResetRequestWithoutAnAddressKeepsTheFormWithAnError() throws Exception {
        mvc.perform(post("/password/forgotten")
                        .param("email", "not an address")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Enter an email address in the correct format"),
                                containsString("value=\"not an address\""))));
        verifyNoInteractions(passwords);
    }

    @Test
    void mismatchedPasswordsOnAResetAreShownOnTheSecondField() throws Exception {
        when(passwords.resetLinkWorks(TOKEN)).thenReturn(true);
        doThrow(new InvalidInputException("confirmation", "Enter the same password twice"))
                .when(passwords)
                .reset(TOKEN, "marmalade sky", "marmalade skies");
        mvc.perform(post("/password/reset/" + TOKEN)
                        .param("password", "marmalade sky")
                        .param("confirmation", "marmalade skies")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"#confirmation\""),
                                containsString("Enter the same password twice"))));
    }
}
