package org.collaborative.app.web.proposal;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.DraftProposal;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.proposal.ProposalForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ProposalController.class)
class ProposalControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    private final Actor member = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());

    @BeforeEach
    void aGroup() {
        Slices.given(context, Slices.group());
    }

    @Test
    void showsTheForm() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/proposals/new").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("proposal/new"));
    }

    @Test
    void draftingSendsDraftProposal() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/proposals")
                        .param("proposalId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "Joint buying")
                        .param("summary", "Buy together")
                        .param("form", "NEW_PARTNERSHIP")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/11111111-2222-4333-8444-555555555555?done=drafted"));
        verify(gateway)
                .sendAndWait(new DraftProposal(
                        "11111111-2222-4333-8444-555555555555",
                        GROUP,
                        "Joint buying",
                        "Buy together",
                        ProposalForm.NEW_PARTNERSHIP,
                        member,
                        NOW));
    }

    @Test
    void aConflictShowsTheFormAskingToTryAgain() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("changed"));
        mvc.perform(post("/groups/" + GROUP + "/proposals")
                        .param("proposalId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "Joint buying")
                        .param("summary", "Buy together")
                        .param("form", "NEW_PARTNERSHIP")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("proposal/new"))
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString(ErrorSummary.CONFLICT)));
    }

    @Test
    void showsTheFormWithItsIdAndEachLimit() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/proposals/new").with(as(MEMBER)))
                .andExpect(content().string(containsString("name=\"proposalId\"")))
                .andExpect(content().string(containsString("data-maxlength=\"" + Proposal.MAX_TITLE + "\"")))
                .andExpect(content().string(containsString("You can enter up to 10,000 characters")));
    }

    @Test
    void anEmptyFormShowsEveryFieldsErrorAtOnceBeforeAnyCommand() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/proposals")
                        .param("proposalId", PROPOSAL)
                        .param("title", "")
                        .param("summary", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("proposal/new"))
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("Enter what you propose")))
                .andExpect(content().string(containsString("href=\"#summary\"")))
                .andExpect(content().string(containsString("Enter a summary of the proposal")))
                .andExpect(content().string(containsString("href=\"#form\"")))
                .andExpect(content().string(containsString("Choose what kind of change it is")))
                .andExpect(content().string(containsString("value=\"" + PROPOSAL + "\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void theSameFormSentAgainOpensTheSameDraft() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        mvc.perform(post("/groups/" + GROUP + "/proposals")
                        .param("proposalId", PROPOSAL)
                        .param("title", "Joint buying")
                        .param("summary", "Buy together")
                        .param("form", "NEW_PARTNERSHIP")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/" + PROPOSAL + "?done=drafted"));
    }

    private static final String PROPOSAL = "11111111-2222-4333-8444-555555555555";
}
