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
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
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
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(StatusController.class)
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
    void anEmptyDecisionShowsEveryErrorAtOnceAndSendsNothing() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", MEMBER));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "DECIDED")
                        .param("note", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#outcome\">Choose whether the proposal is taken forward</a>")))
                .andExpect(
                        content().string(containsString("<a href=\"#note\">Enter the rationale for the decision</a>")))
                .andExpect(content().string(containsString("id=\"note-error\"")))
                .andExpect(content().string(containsString("You can enter up to 2,000 characters")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aDecisionWithoutAnOutcomeKeepsTheRationaleTyped() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", MEMBER));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "DECIDED")
                        .param("outcome", "SHELVED")
                        .param("note", "Funded for a year")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#outcome\">Choose whether the proposal is taken forward</a>")))
                .andExpect(content().string(containsString(">Funded for a year</textarea>")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aDecisionWithoutARationaleKeepsTheOutcomeChosen() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", MEMBER));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "DECIDED")
                        .param("outcome", "NOT_TAKEN_FORWARD")
                        .param("note", "x".repeat(2_001))
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#note\">The rationale must be 2,000 characters or fewer</a>")))
                .andExpect(content().string(containsString("value=\"NOT_TAKEN_FORWARD\" checked")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedDecisionShowsTheRefusalWithWhatWasTyped() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", MEMBER));
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("rationale", "Rationale is too long"));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "DECIDED")
                        .param("outcome", "TAKEN_FORWARD")
                        .param("note", "Funded")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#note\">Rationale is too long</a>")))
                .andExpect(content().string(containsString(">Funded</textarea>")));
        verify(gateway)
                .sendAndWait(new DecideProposal("p-1", ProposalOutcome.TAKEN_FORWARD, "Funded", facilitator, NOW));
    }

    @Test
    void withdrawingSendsTheReason() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", FACILITATOR));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "WITHDRAWN")
                        .param("reason", "Superseded by the borough plan")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/p-1?done=status&ref=WITHDRAWN"));
        verify(gateway).sendAndWait(new WithdrawProposal("p-1", "Superseded by the borough plan", facilitator, NOW));
    }

    @Test
    void anEmptyWithdrawalIsAnErrorOnItsReasonBeforeAnyCommand() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", FACILITATOR));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "WITHDRAWN")
                        .param("reason", " ")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#withdraw-reason\">Enter why you are withdrawing the proposal</a>")))
                .andExpect(content().string(containsString("id=\"withdraw-reason-error\"")))
                .andExpect(content().string(containsString("id=\"withdraw-reason-info\"")))
                .andExpect(content().string(containsString("open=\"open\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedWithdrawalKeepsTheReasonTyped() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", FACILITATOR));
        when(gateway.sendAndWait(any()))
                .thenThrow(new org.collaborative.app.kernel.RuleBrokenException("This proposal has been decided"));
        mvc.perform(post("/items/p-1/status")
                        .param("to", "WITHDRAWN")
                        .param("reason", "Superseded")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<a href=\"#withdraw-reason\">This proposal has been decided</a>")))
                .andExpect(content().string(containsString(">Superseded</textarea>")));
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
