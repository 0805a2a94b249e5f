package org.collaborative.app.web.member;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
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
import org.collaborative.app.account.SignedIn;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.ChangeMemberProfile;
import org.collaborative.app.member.Member;
import org.collaborative.app.privacy.PersonalDataExport;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ProfileController.class)
class ProfileControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    private final Accounts.Account account = new Accounts.Account(
            MEMBER.memberId(),
            "member@example.gov.uk",
            "Priya Shah",
            "Housing officer",
            MEMBER.organisationId(),
            MEMBER.role(),
            "{noop}x");

    @BeforeEach
    void anAccount() {
        when(context.getBean(Accounts.class).find(MEMBER.memberId())).thenReturn(Optional.of(account));
    }

    @Autowired
    UserDetailsService members;

    @Autowired
    PersonalDataExport export;

    private final Actor actor = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());

    @Test
    void showsTheProfile() throws Exception {
        mvc.perform(get("/profile").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("member/profile"))
                .andExpect(content().string(containsString("Priya Shah")));
    }

    @Test
    void changingSendsChangeMemberProfileAndRefreshesTheSignedInMember() throws Exception {
        when(members.loadUserByUsername("member@example.gov.uk"))
                .thenReturn(SignedIn.as(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()));
        mvc.perform(post("/profile")
                        .param("displayName", "Priya S")
                        .param("jobTitle", "Lead")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/profile?saved"));
        verify(gateway).sendAndWait(new ChangeMemberProfile(MEMBER.memberId(), actor, "Priya S", "Lead", NOW));
    }

    @Test
    void anInvalidNameIsAnErrorOnTheNameWithWhatWasTyped() throws Exception {
        mvc.perform(post("/profile")
                        .param("displayName", "")
                        .param("jobTitle", "Lead")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("member/profile"))
                .andExpect(content().string(containsString("href=\"#displayName\"")))
                .andExpect(content().string(containsString("Enter the name you want to be shown by")))
                .andExpect(content().string(containsString("value=\"Lead\"")));
        org.mockito.Mockito.verifyNoInteractions(gateway);
    }

    @Test
    void everyFieldTooLongIsShownAtOnceWithTheLimits() throws Exception {
        mvc.perform(post("/profile")
                        .param("displayName", "n".repeat(Member.MAX_NAME + 1))
                        .param("jobTitle", "j".repeat(Member.MAX_JOB_TITLE + 1))
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Name must be 100 characters or fewer")))
                .andExpect(content().string(containsString("Job title must be 100 characters or fewer")))
                .andExpect(content().string(containsString("data-maxlength=\"100\"")));
        org.mockito.Mockito.verifyNoInteractions(gateway);
    }

    @Test
    void aRefusalOfTheCommandIsShownOnItsField() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("displayName", "Enter your name"));
        mvc.perform(post("/profile")
                        .param("displayName", "Priya")
                        .param("jobTitle", "Lead")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#displayName\"")))
                .andExpect(content().string(containsString("id=\"displayName-error\"")));
    }
}
