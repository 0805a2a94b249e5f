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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.evidence.EndorseEvidence;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.EndorseProposal;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(EndorsementController.class)
class EndorsementControllerTest {

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
    void endorsingEvidenceSendsEndorseEvidence() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", FACILITATOR));
        mvc.perform(post("/items/e-1/endorsements").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/items/e-1?done=endorsed"));
        verify(gateway).sendAndWait(new EndorseEvidence("e-1", member, NOW));
    }

    @Test
    void endorsingAProposalSendsEndorseProposal() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "OPEN_FOR_CHALLENGE", FACILITATOR));
        mvc.perform(post("/items/p-1/endorsements").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/items/p-1?done=endorsed"));
        verify(gateway).sendAndWait(new EndorseProposal("p-1", member, NOW));
    }

    @Test
    void aQuestionCannotBeEndorsed() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        mvc.perform(post("/items/q-1/endorsements").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }

    @Test
    void aConflictShowsThePageAskingToTryAgain() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", FACILITATOR));
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("changed"));
        mvc.perform(post("/items/e-1/endorsements").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("item/item"))
                .andExpect(content().string(containsString("href=\"#endorse\"")))
                .andExpect(content().string(containsString(ErrorSummary.CONFLICT)));
    }
}
