package org.collaborative.app.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.collaborative.app.evidence.Evidence;
import org.collaborative.app.evidence.SubmitEvidence;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.evidence.EvidenceKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

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
        mvc.perform(post("/groups/" + GROUP + "/evidence")
                        .param("evidenceId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "Savings")
                        .param("summary", "Saved money")
                        .param("source", "https://example.org")
                        .param("kind", "DATA")
                        .param("level", "2")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/11111111-2222-4333-8444-555555555555?done=submitted"));
        verify(gateway)
                .sendAndWait(new SubmitEvidence(
                        "11111111-2222-4333-8444-555555555555",
                        GROUP,
                        "Savings",
                        "Saved money",
                        "https://example.org",
                        EvidenceKind.DATA,
                        2,
                        member,
                        NOW));
    }

    @Test
    void aRefusalShowsTheFormWithTheErrorOnItsFieldAndWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("source", "Enter the source"));
        mvc.perform(post("/groups/" + GROUP + "/evidence")
                        .param("evidenceId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "Savings")
                        .param("source", "Report")
                        .param("kind", "DATA")
                        .param("level", "2")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("evidence/new"))
                .andExpect(content().string(containsString("href=\"#source\"")))
                .andExpect(content().string(containsString("Enter the source")))
                .andExpect(content().string(containsString("value=\"Savings\"")));
    }

    @Test
    void showsEachLimitBeforeTheFormIsSent() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/evidence/new").with(as(MEMBER)))
                .andExpect(content().string(containsString("data-maxlength=\"" + Evidence.MAX_TITLE + "\"")))
                .andExpect(content().string(containsString("You can enter up to 150 characters")))
                .andExpect(content().string(containsString("You can enter up to 10,000 characters")))
                .andExpect(content().string(containsString("You can enter up to 1,000 characters")));
    }

    @Test
    void anEmptyFormShowsEveryFieldsErrorAtOnceBeforeAnyCommand() throws Exception {
        String page = mvc.perform(post("/groups/" + GROUP + "/evidence")
                        .param("evidenceId", EVIDENCE)
                        .param("title", "")
                        .param("summary", "")
                        .param("source", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("evidence/new"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "<title>Error:",
                        "Enter what the evidence shows",
                        "Enter the source of the evidence",
                        "Choose the kind of evidence",
                        "Choose how strong the evidence is",
                        "id=\"level-error\"");
        // The summary lists them in the order of the form.
        assertThat(page.indexOf("href=\"#title\"")).isPositive().isLessThan(page.indexOf("href=\"#source\""));
        assertThat(page.indexOf("href=\"#source\"")).isLessThan(page.indexOf("href=\"#kind\""));
        assertThat(page.indexOf("href=\"#kind\"")).isLessThan(page.indexOf("href=\"#level\""));
        assertThat(page).contains("value=\"" + EVIDENCE + "\"");
        verifyNoInteractions(gateway);
    }

    @Test
    void textTooLongIsAnErrorOnItsFieldWithTheLimit() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/evidence")
                        .param("evidenceId", EVIDENCE)
                        .param("title", "x".repeat(Evidence.MAX_TITLE + 1))
                        .param("source", "s".repeat(1_001))
                        .param("kind", "DATA")
                        .param("level", "2")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What it shows must be 150 characters or fewer")))
                .andExpect(content().string(containsString("The source must be 1,000 characters or fewer")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aChoiceThatIsNoneOfTheOptionsIsNoChoice() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/evidence")
                        .param("evidenceId", EVIDENCE)
                        .param("title", "Savings")
                        .param("source", "Report")
                        .param("kind", "RUMOUR")
                        .param("level", "six")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose the kind of evidence")))
                .andExpect(content().string(containsString("Choose how strong the evidence is")));
        verifyNoInteractions(gateway);
    }

    @Test
    void theSameFormSentAgainOpensTheSamePageAndRecordsNothingNew() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        mvc.perform(post("/groups/" + GROUP + "/evidence")
                        .param("evidenceId", EVIDENCE)
                        .param("title", "Savings")
                        .param("source", "Report")
                        .param("kind", "DATA")
                        .param("level", "2")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/" + EVIDENCE + "?done=submitted"));
    }

    private static final String EVIDENCE = "11111111-2222-4333-8444-555555555555";
}
