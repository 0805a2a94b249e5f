package org.collaborative.app.evidence.web;

import static org.collaborative.app.support.Slices.GROUP;
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

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.Actor;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.evidence.SubmitEvidence;
import org.collaborative.events.evidence.EvidenceKind;

@ControllerSlice(EvidenceController.class)
class EvidenceControllerTest {

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
        mvc.perform(get("/groups/" + GROUP + "/evidence/new").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("evidence/new"))
                .andExpect(content().string(containsString("name=\"evidenceId\"")));
    }

    @Test
    void submittingSendsSubmitEvidenceAndOpensItsPage() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/evidence").param("evidenceId", "11111111-2222-4333-8444-555555555555").param("title", "Savings")
                        .param("summary", "Saved money").param("source", "https://example.org")
                        .param("kind", "DATA").param("level", "2").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/items/11111111-2222-4333-8444-555555555555?done=submitted"));
        verify(gateway).sendAndWait(new SubmitEvidence("11111111-2222-4333-8444-555555555555", GROUP, "Savings", "Saved money",
                "https://example.org", EvidenceKind.DATA, 2, member, NOW));
    }

    @Test
    void aRefusalShowsTheFormWithTheErrorOnItsFieldAndWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("source", "Enter the source"));
        mvc.perform(post("/groups/" + GROUP + "/evidence").param("evidenceId", "11111111-2222-4333-8444-555555555555").param("title", "Savings")
                        .with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("evidence/new"))
                .andExpect(content().string(containsString("href=\"#source\"")))
                .andExpect(content().string(containsString("Enter the source")))
                .andExpect(content().string(containsString("value=\"Savings\"")));
    }
}
