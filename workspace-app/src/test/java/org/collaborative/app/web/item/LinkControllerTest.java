package org.collaborative.app.web.item;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.proposal.LinkEvidence;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.item.ItemView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(LinkController.class)
class LinkControllerTest {

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
    void linkingSendsLinkEvidence() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", MEMBER));
        mvc.perform(post("/items/p-1/links")
                        .param("evidenceId", "e-1")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/p-1?done=linked&ref=e-1"));
        verify(gateway).sendAndWait(new LinkEvidence("p-1", "e-1", member, NOW));
    }

    @Test
    void aRefusedLinkShowsTheProposalWithTheErrorOnTheEvidenceChoice() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", MEMBER));
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Link evidence from the same theme"));
        mvc.perform(post("/items/p-1/links")
                        .param("evidenceId", "e-9")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("item/item"))
                .andExpect(content().string(containsString("href=\"#evidenceId\"")))
                .andExpect(content().string(containsString("Link evidence from the same theme")));
    }

    @Test
    void noEvidenceChosenIsAnErrorOnTheChoiceBeforeAnyCommand() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", MEMBER));
        ItemView evidence = Slices.item("e-1", "evidence", "SUBMITTED", MEMBER);
        when(context.getBean(ItemViews.class).onTheme(any(), eq(ItemType.EVIDENCE), anyInt()))
                .thenReturn(List.of(evidence));
        mvc.perform(post("/items/p-1/links")
                        .param("evidenceId", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#evidenceId\">Choose a piece of evidence</a>")))
                .andExpect(content().string(containsString("id=\"evidenceId-error\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedLinkKeepsTheEvidenceChosen() throws Exception {
        Slices.given(context, Slices.item("p-1", "proposal", "DRAFT", MEMBER));
        ItemView evidence = Slices.item("e-1", "evidence", "SUBMITTED", MEMBER);
        when(context.getBean(ItemViews.class).onTheme(any(), eq(ItemType.EVIDENCE), anyInt()))
                .thenReturn(List.of(evidence));
        when(gateway.sendAndWait(any()))
                .thenThrow(new InvalidInputException("evidenceId", "Choose evidence from this proposal's theme"));
        mvc.perform(post("/items/p-1/links")
                        .param("evidenceId", "e-1")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#evidenceId\"")))
                .andExpect(content().string(containsString("value=\"e-1\" selected")));
    }
}
