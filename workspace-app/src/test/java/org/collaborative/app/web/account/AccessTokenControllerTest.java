package org.collaborative.app.web.account;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.util.List;
import org.collaborative.app.account.token.AccessTokens;
import org.collaborative.app.account.token.AccessTokens.AccessToken;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Personal access tokens: the list, a token created and shown once, revoking one, and the form's errors. */
@ControllerSlice(AccessTokenController.class)
class AccessTokenControllerTest {

    private static final AccessToken CI = new AccessToken(
            "t1", "CI pipeline", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)), null, null);
    private static final AccessToken OLD = new AccessToken(
            "t0", "Old laptop", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(10)), null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessTokens tokens;

    @BeforeEach
    void twoTokens() {
        when(tokens.of(MEMBER.memberId())).thenReturn(List.of(CI, OLD));
    }

    @Test
    void listsTheTokensAndOffersToRevokeOnlyThoseThatWork() throws Exception {
        mvc.perform(get("/profile/tokens").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("profile/tokens"))
                .andExpect(content()
                        .string(allOf(
                                containsString("CI pipeline"),
                                containsString("Old laptop"),
                                containsString("action=\"/profile/tokens/t1/revocation\""),
                                not(containsString("action=\"/profile/tokens/t0/revocation\"")),
                                not(containsString("id=\"new-token\"")))));
    }

    @Test
    void creatingATokenAsksForThatNameAndLifetimeAndShowsTheSecretOnce() throws Exception {
        AccessToken created = new AccessToken("t2", "Reporting", NOW, NOW.plus(Duration.ofDays(90)), null, null);
        when(tokens.create(MEMBER.memberId(), "Reporting", Duration.ofDays(90)))
                .thenReturn(new AccessTokens.NewToken(created, "collab_pat_secret123"));
        mvc.perform(post("/profile/tokens")
                        .param("name", "Reporting")
                        .param("days", "90")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("id=\"new-token\""), containsString("collab_pat_secret123"))));
        verify(tokens).create(MEMBER.memberId(), "Reporting", Duration.ofDays(90));
    }

    @Test
    void noNameAndALifetimeNotOfferedShowBothErrorsAndCreateNothing() throws Exception {
        mvc.perform(post("/profile/tokens")
                        .param("name", " ")
                        .param("days", "1000")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: "),
                                containsString("There is a problem"),
                                containsString("<a href=\"#name\">Enter a name for the token</a>"),
                                containsString("Select how long the token lasts"))));
        verify(tokens, never()).create(anyString(), anyString(), any());
    }

    /** Found by the request fuzzer: a name with a NUL reached PostgreSQL's text column, a 500. */
    @Test
    void aNameWithAControlCharacterIsRefusedOnTheField() throws Exception {
        mvc.perform(post("/profile/tokens")
                        .param("name", "Report\u0000ing")
                        .param("days", "7")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("<a href=\"#name\">The name must not include control characters"))));
        verify(tokens, never()).create(anyString(), anyString(), any());
    }

    @Test
    void aMemberWithTwentyWorkingTokensIsToldToRevokeOneFirst() throws Exception {
        when(tokens.activeCount(MEMBER.memberId())).thenReturn(AccessTokens.MAX_ACTIVE);
        mvc.perform(post("/profile/tokens")
                        .param("name", "One more")
                        .param("days", "7")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "You have 20 tokens that still work. Revoke one before you create another")));
        verify(tokens, never()).create(anyString(), anyString(), any());
    }

    @Test
    void revokingOwnTokenRedirectsAndSomeoneElsesIsNotFound() throws Exception {
        when(tokens.revoke(MEMBER.memberId(), "t1")).thenReturn(true);
        mvc.perform(post("/profile/tokens/t1/revocation").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/profile/tokens?revoked"));
        verify(tokens).revoke(MEMBER.memberId(), "t1");

        mvc.perform(post("/profile/tokens/someone-elses/revocation")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }
}
