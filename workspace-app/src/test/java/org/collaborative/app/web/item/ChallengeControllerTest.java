package org.collaborative.app.web.item;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.evidence.ChallengeEvidence;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.proposal.ChallengeProposal;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ChallengeController.class)
class ChallengeControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    private final Actor member = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());
    private final Actor facilitator =
            new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role());

    @Test
    void challengingEvidenceSendsChallengeEvidenceWithTheReason() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", FACILITATOR));
        mvc.perform(post("/items/e-1/challenges")
                        .param("challengeId", "c-1")
                        .param("reason", "Sample too small")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/e-1?done=challenged&ref=c-1"));
        verify(gateway).sendAndWait(new ChallengeEvidence("e-1", "c-1", "Sample too small", member, NOW));
    }

    @Test
    void challengingAProposalSendsChallengeProposal() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "OPEN_FOR_CHALLENGE", FACILITATOR));
        mvc.perform(post("/items/p-1/challenges")
                        .param("challengeId", "c-1")
                        .param("reason", "Too costly")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/p-1?done=challenged&ref=c-1"));
        verify(gateway).sendAndWait(new ChallengeProposal("p-1", "c-1", "Too costly", member, NOW));
    }

    @Test
    void aChallengeWithoutAReasonShowsTheErrorOnTheReasonBeforeAnyCommand() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", FACILITATOR));
        mvc.perform(post("/items/e-1/challenges")
                        .param("challengeId", "c-1")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#reason\"")))
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("Enter why you challenge it")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedChallengeShowsTheRefusalWithTheReasonTyped() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", FACILITATOR));
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("reason", "Enter a reason"));
        mvc.perform(post("/items/e-1/challenges")
                        .param("challengeId", "c-1")
                        .param("reason", "Weak")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#reason\"")))
                .andExpect(content().string(containsString("Enter a reason")))
                .andExpect(content().string(containsString(">Weak</textarea>")));
    }

    @Test
    void aQuestionCannotBeChallenged() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        mvc.perform(post("/items/q-1/challenges")
                        .param("challengeId", "c-1")
                        .param("reason", "No")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }
}
