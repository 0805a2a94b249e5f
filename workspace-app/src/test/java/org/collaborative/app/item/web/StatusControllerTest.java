package org.collaborative.app.item.web;

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
import org.collaborative.app.Actor;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.proposal.DecideProposal;
import org.collaborative.app.proposal.EndorseProposalForGroup;
import org.collaborative.app.proposal.OpenProposalForChallenge;
import org.collaborative.app.proposal.WithdrawProposal;
import org.collaborative.app.question.CloseQuestion;
import org.collaborative.app.question.ReopenQuestion;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.proposal.ProposalOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(StatusController.class)
@Import(ItemPage.class)
class StatusControllerTest {

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
    void closingAQuestionSendsCloseQuestion() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        mvc.perform(post("/items/q-1/status")
                        .param("to", "CLOSED")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=status&ref=CLOSED"));
        verify(gateway).sendAndWait(new CloseQuestion("q-1", facilitator, NOW));
    }

    @Test
    void reopeningAQuestionSendsReopenQuestion() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "CLOSED", FACILITATOR));
        mvc.perform(post("/items/q-1/status")
                        .param("to", "OPEN")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=status&ref=OPEN"));
        verify(gateway).sendAndWait(new ReopenQuestion("q-1", facilitator, NOW));
    }

    @Test
    void aProposalMovesThroughItsStages() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", FACILITATOR));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "OPEN_FOR_CHALLENGE")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/p-1?done=status&ref=OPEN_FOR_CHALLENGE"));
        verify(gateway).sendAndWait(new OpenProposalForChallenge("p-1", facilitator, NOW));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "ENDORSED")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/p-1?done=status&ref=ENDORSED"));
        verify(gateway).sendAndWait(new EndorseProposalForGroup("p-1", facilitator, NOW));
    }

    @Test
    void decidingSendsTheOutcomeAndTheNote() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", FACILITATOR));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "DECIDED")
                        .param("outcome", "TAKEN_FORWARD")
                        .param("note", "Funded for a year")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/p-1?done=status&ref=TAKEN_FORWARD"));
        verify(gateway)
                .sendAndWait(new DecideProposal(
                        "p-1", ProposalOutcome.TAKEN_FORWARD, "Funded for a year", facilitator, NOW));
    }

    @Test
    void aDecisionWithoutAnOutcomeLinksToTheOutcome() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", FACILITATOR));
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("outcome", "Choose the outcome"));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "DECIDED")
                        .param("note", "Funded")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#outcome\"")))
                .andExpect(content().string(containsString("Choose the outcome")));
        verify(gateway).sendAndWait(new DecideProposal("p-1", null, "Funded", facilitator, NOW));
    }

    @Test
    void aDecisionWithoutARationaleLinksToTheNote() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", FACILITATOR));
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("rationale", "Enter a rationale"));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "DECIDED")
                        .param("outcome", "NOT_TAKEN_FORWARD")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#note\"")));
    }

    @Test
    void withdrawingSendsTheReasonAndARefusalLinksToIt() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", FACILITATOR));
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("reason", "Enter a reason"));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "WITHDRAWN")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#withdraw-reason\"")));
        verify(gateway).sendAndWait(new WithdrawProposal("p-1", "", facilitator, NOW));
    }

    @Test
    void anUnknownStatusIsNotFound() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        mvc.perform(post("/items/q-1/status")
                        .param("to", "ARCHIVED")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }
}
