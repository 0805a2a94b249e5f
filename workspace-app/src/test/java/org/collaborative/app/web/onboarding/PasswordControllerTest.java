package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.onboarding.Passwords;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Changing one's password: the form, exactly what Passwords is asked, and its refusal on the right field. */
@ControllerSlice(PasswordController.class)
class PasswordControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Passwords passwords;

    @Test
    void theFormAsksForTheCurrentPasswordAndSaysHowLongANewOneMustBe() throws Exception {
        mvc.perform(get("/profile/password").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("onboarding/change-password"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"current\""),
                                containsString("At least 8 characters"),
                                not(containsString("id=\"changed-title\"")))));
        mvc.perform(get("/profile/password").param("changed", "").with(as(MEMBER)))
                .andExpect(content().string(containsString("id=\"changed-title\"")));
    }

    @Test
    void changingAsksPasswordsForThatMemberWithWhatWasTyped() throws Exception {
        mvc.perform(post("/profile/password")
                        .param("current", "old horse battery")
                        .param("password", "correct horse staple")
                        .param("confirmation", "correct horse staple")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/profile/password?changed"));
        verify(passwords)
                .change(MEMBER.memberId(), "old horse battery", "correct horse staple", "correct horse staple");
    }

    @Test
    void aWrongCurrentPasswordIsShownInTheErrorSummaryLinkingToItsField() throws Exception {
        doThrow(new InvalidInputException("current", "Your current password is not right"))
                .when(passwords)
                .change(MEMBER.memberId(), "wrong", "correct horse staple", "correct horse staple");
        mvc.perform(post("/profile/password")
                        .param("current", "wrong")
                        .param("password", "correct horse staple")
                        .param("confirmation", "correct horse staple")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: "),
                                containsString("There is a problem"),
                                containsString("<a href=\"#current\">Your current password is not right</a>"),
                                not(containsString("wrong\"")))));
    }
}
