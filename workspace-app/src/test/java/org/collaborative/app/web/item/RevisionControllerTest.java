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
import org.collaborative.app.evidence.ReviseEvidence;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.evidence.EvidenceKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(RevisionController.class)
class RevisionControllerTest {

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
    void revisingSendsReviseEvidenceWithEveryField() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", MEMBER));
        mvc.perform(post("/items/e-1/revision")
                        .param("title", "New title")
                        .param("summary", "New summary")
                        .param("source", "https://example.org")
                        .param("kind", "DATA")
                        .param("level", "2")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/e-1?done=revised"));
        verify(gateway)
                .sendAndWait(new ReviseEvidence(
                        "e-1", "New title", "New summary", "https://example.org", EvidenceKind.DATA, 2, member, NOW));
    }

    @Test
    void aRefusalAboutAFieldLinksToThatFieldOfTheRevisionForm() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", MEMBER));
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("source", "Enter the source"));
        mvc.perform(post("/items/e-1/revision")
                        .param("title", "New title")
                        .param("source", "Report")
                        .param("kind", "DATA")
                        .param("level", "3")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#revise-source\"")))
                .andExpect(content().string(containsString("id=\"revise-source-error\"")))
                .andExpect(content().string(containsString("Enter the source")));
        verify(gateway)
                .sendAndWait(new ReviseEvidence("e-1", "New title", null, "Report", EvidenceKind.DATA, 3, member, NOW));
    }

    @Test
    void anEmptyRevisionShowsEveryFieldsErrorAtOnceBeforeAnyCommand() throws Exception {
        Slices.given(context, Slices.item("e-1", "evidence", "SUBMITTED", MEMBER));
        mvc.perform(post("/items/e-1/revision")
                        .param("title", "")
                        .param("summary", "")
                        .param("source", "")
                        .param("kind", "")
                        .param("level", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#revise-title\"")))
                .andExpect(content().string(containsString("href=\"#revise-source\"")))
                .andExpect(content().string(containsString("href=\"#revise-kind\"")))
                .andExpect(content().string(containsString("href=\"#revise-level\"")))
                .andExpect(content().string(containsString("Enter what the evidence shows")))
                .andExpect(content().string(containsString("Choose how strong the evidence is")));
        verifyNoInteractions(gateway);
    }

    @Test
    void onlyEvidenceIsRevised() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", MEMBER));
        mvc.perform(post("/items/q-1/revision")
                        .param("title", "New")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }
}
