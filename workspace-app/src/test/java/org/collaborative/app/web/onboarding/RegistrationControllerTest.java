package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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

import java.util.Optional;
import java.util.UUID;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.onboarding.Invitations.LinkNotValidException;
import org.collaborative.app.onboarding.Registrations;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Registering oneself (docs/adr/0025). (Slices sign every request in; the real chain lets anyone reach these.) */
@ControllerSlice(RegistrationController.class)
class RegistrationControllerTest {

    private static final String TOKEN = "cGF5bG9hZA.c2lnbmF0dXJl";

    @Autowired
    MockMvc mvc;

    @Autowired
    Registrations registrations;

    private final Registrations.Registrant grace = new Registrations.Registrant(
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            "Grace Adeyemi",
            "grace.adeyemi@camden.example",
            "Housing officer",
            "E09000007");

    @Test
    void theFormAsksForNameWorkEmailAndJobTitle() throws Exception {
        mvc.perform(get("/register").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Register for Collaborative"),
                                containsString("name=\"name\""),
                                containsString("name=\"email\""),
                                containsString("name=\"jobTitle\""))));
    }

    @Test
    void aFormWithMistakesComesBackWithItsErrorsAndWhatWasTyped() throws Exception {
        mvc.perform(post("/register")
                        .param("name", "")
                        .param("email", "grace at camden")
                        .param("jobTitle", "Housing officer")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: Register for Collaborative"),
                                containsString("There is a problem"),
                                containsString("href=\"#name\""),
                                containsString("Enter your full name"),
                                containsString("href=\"#email\""),
                                containsString("Enter an email address in the correct format"),
                                containsString("value=\"grace at camden\""),
                                containsString("value=\"Housing officer\""))));
        verifyNoInteractions(registrations);
    }

    @Test
    void anAddressAtAParticipatingDomainIsToldToCheckTheirEmailWhateverHappened() throws Exception {
        when(registrations.register(anyString(), anyString(), anyString(), any()))
                .thenReturn(Registrations.Outcome.CHECK_YOUR_EMAIL);
        String first = register("grace.adeyemi@camden.example");
        String second = register("tom.hughes@camden.example");
        verify(registrations)
                .register(eq("Grace Adeyemi"), eq("grace.adeyemi@camden.example"), eq("Housing officer"), any());
        org.assertj.core.api.Assertions.assertThat(first).contains("Check your email", "grace.adeyemi@camden.example");
        org.assertj.core.api.Assertions.assertThat(first.replace("grace.adeyemi", "tom.hughes"))
                .isEqualTo(second);
    }

    @Test
    void anAddressElsewhereIsToldWhoToAsk() throws Exception {
        when(registrations.register(anyString(), anyString(), anyString(), any()))
                .thenReturn(Registrations.Outcome.NOT_PARTICIPATING);
        org.assertj.core.api.Assertions.assertThat(register("someone@mail.example"))
                .contains(
                        "You cannot register with this email address",
                        "mailto:collaborative@londoncouncils.example",
                        "We have not kept anything you typed")
                .doesNotContain("Check your email");
    }

    private String register(String email) throws Exception {
        MvcResult result = mvc.perform(post("/register")
                        .param("name", "Grace Adeyemi")
                        .param("email", email)
                        .param("jobTitle", "Housing officer")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        return result.getResponse().getContentAsString().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void aWorkingConfirmationLinkAsksForAPassword() throws Exception {
        when(registrations.registrant(TOKEN)).thenReturn(Optional.of(grace));
        when(registrations.organisationName("E09000007")).thenReturn("Camden");
        mvc.perform(get("/register/confirm/" + TOKEN).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Confirm your email address"),
                                containsString("Grace Adeyemi"),
                                containsString("Camden"),
                                containsString("autocomplete=\"new-password\""))));
    }

    @Test
    void aDeadConfirmationLinkSaysToRegisterAgain() throws Exception {
        when(registrations.registrant(TOKEN)).thenReturn(Optional.empty());
        mvc.perform(get("/register/confirm/" + TOKEN).with(as(MEMBER)))
                .andExpect(content()
                        .string(allOf(
                                containsString("This link has expired or has already been used"),
                                containsString("register again"))));
    }

    @Test
    void confirmingLeadsToTheWaitingPageOrToSignIn() throws Exception {
        when(registrations.confirm(TOKEN, "kettle orbit lantern", "kettle orbit lantern"))
                .thenReturn(new Registrations.Confirmed("m-1", true))
                .thenReturn(new Registrations.Confirmed("m-1", false));
        mvc.perform(confirm("kettle orbit lantern")).andExpect(redirectedUrl("/register/waiting"));
        mvc.perform(confirm("kettle orbit lantern")).andExpect(redirectedUrl("/sign-in?account-ready"));
        mvc.perform(get("/register/waiting").with(as(MEMBER)))
                .andExpect(content().string(containsString("Your registration is waiting for approval")));
    }

    @Test
    void aRefusedPasswordIsAnErrorSummaryAndIsNotShownAgain() throws Exception {
        when(registrations.registrant(TOKEN)).thenReturn(Optional.of(grace));
        when(registrations.confirm(eq(TOKEN), anyString(), anyString()))
                .thenThrow(new InvalidInputException("password", "Password must be 8 characters or more"));
        mvc.perform(confirm("short"))
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
        when(registrations.confirm(any(), any(), any())).thenThrow(new LinkNotValidException());
        mvc.perform(confirm("kettle orbit lantern"))
                .andExpect(content().string(containsString("This link has expired or has already been used")));
    }

    private org.springframework.test.web.servlet.RequestBuilder confirm(String password) {
        return post("/register/confirm/" + TOKEN)
                .param("password", password)
                .param("confirmation", password)
                .with(as(MEMBER))
                .with(csrf());
    }
}
