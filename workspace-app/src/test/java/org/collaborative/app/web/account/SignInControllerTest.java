package org.collaborative.app.web.account;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-in page says why someone is there, with the GOV.UK error summary for a failed attempt. (Signing in itself is
 * Spring Security's form login, which the slice's default chain does not have: {@code SecurityIT} covers it.)
 */
@ControllerSlice(SignInController.class)
class SignInControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void thePageAsksForAnEmailAddressAndPasswordWithNoErrorAndNoSingleSignOnButton() throws Exception {
        mvc.perform(get("/sign-in").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("auth/sign-in"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Sign in"),
                                containsString("id=\"email\""),
                                containsString("id=\"password\""),
                                not(containsString("There is a problem")))));
    }

    @Test
    void aFailedAttemptIsAnErrorSummaryThatNamesNeitherFieldAlone() throws Exception {
        mvc.perform(get("/sign-in").param("error", "").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: Sign in"),
                                containsString("There is a problem"),
                                containsString("<a href=\"#email\">Enter a correct email address and password</a>"),
                                containsString("id=\"email-error\""))));
    }

    @Test
    void tooManyAttemptsSaysHowLongToWait() throws Exception {
        mvc.perform(get("/sign-in?throttled=15").with(as(MEMBER)))
                .andExpect(content()
                        .string(containsString(
                                "You have tried to sign in too many times. Wait 15 minutes, then try again")));
    }

    @Test
    void aWaitingRegistrationIsToldItWaitsForApproval() throws Exception {
        mvc.perform(get("/sign-in").param("awaiting-approval", "").with(as(MEMBER)))
                .andExpect(content().string(containsString("Your registration is waiting for approval")));
    }

    @Test
    void anEndedSessionSaysWhichTimeOutEndedIt() throws Exception {
        mvc.perform(get("/sign-in?timed-out=idle").with(as(MEMBER)))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"timed-out-title\""),
                                containsString("You have not used Collaborative for 30 minutes"))));
        mvc.perform(get("/sign-in?timed-out=absolute").with(as(MEMBER)))
                .andExpect(content().string(containsString("You signed in more than 8 hours ago")));
    }

    @Test
    void signingOutAndASetPasswordAreConfirmed() throws Exception {
        mvc.perform(get("/sign-in").param("signed-out", "").with(as(MEMBER)))
                .andExpect(content().string(containsString("id=\"signed-out-title\"")));
        mvc.perform(get("/sign-in").param("account-ready", "").with(as(MEMBER)))
                .andExpect(content().string(containsString("Your password is set: sign in to start")));
    }

    @Test
    void aRefusedSingleSignOnIsAPageSayingWhyAndWhoToAsk() throws Exception {
        mvc.perform(get("/sign-in?refused=no-member").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("auth/refused"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Your account is not linked to a member of Collaborative"),
                                containsString("collaborative@londoncouncils.example"))));
    }
}
