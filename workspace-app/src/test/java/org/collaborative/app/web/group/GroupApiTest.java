package org.collaborative.app.web.group;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.group.ArchiveWorkingGroup;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.group.RenameWorkingGroup;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(GroupApi.class)
class GroupApiTest {

    static final String QUESTION_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @BeforeEach
    void aGroup() {
        Slices.given(context, Slices.group());
    }

    @Test
    void readsAGroup() throws Exception {
        mvc.perform(get("/api/groups/" + GROUP).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Temporary accommodation"));
    }

    @Test
    void joiningAnOpenGroupIs201() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/members").with(as(OUTSIDER)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("joined"));
        verify(gateway)
                .sendAndWait(new JoinWorkingGroup(
                        GROUP, OUTSIDER.memberId(), OUTSIDER.organisationId(), OUTSIDER.role(), NOW));
    }

    @Test
    void askingSendsPostQuestion() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/questions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionId\":\"" + QUESTION_ID + "\",\"title\":\"Why?\",\"body\":\"Because\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.questionId").value(QUESTION_ID));
        verify(gateway)
                .sendAndWait(new PostQuestion(
                        QUESTION_ID, GROUP, "Why?", "Because", MEMBER.memberId(), MEMBER.organisationId(), NOW));
    }

    @Test
    void aQuestionWithoutATitleIs400BeforeAnyCommand() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/questions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        verifyNoInteractions(gateway);
    }

    @Test
    void submittingEvidenceSendsSubmitEvidenceAndAnswers201WithTheItem() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/evidence")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidenceId\":\"" + QUESTION_ID + "\",\"title\":\"Audited savings\","
                                + "\"summary\":\"£400,000 each\",\"source\":\"https://example.org/audit\","
                                + "\"kind\":\"EVALUATION\",\"level\":3}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Location", "/api/items/" + QUESTION_ID))
                .andExpect(jsonPath("$.evidenceId").value(QUESTION_ID));
        verify(gateway)
                .sendAndWait(new org.collaborative.app.evidence.SubmitEvidence(
                        QUESTION_ID,
                        GROUP,
                        "Audited savings",
                        "£400,000 each",
                        "https://example.org/audit",
                        org.collaborative.events.evidence.EvidenceKind.EVALUATION,
                        3,
                        new org.collaborative.app.kernel.Actor(
                                MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        NOW));
    }

    @Test
    void evidenceWithEveryFieldMissingListsEveryFieldBeforeAnyCommand() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/evidence")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("title", "source", "kind", "level")));
        verifyNoInteractions(gateway);
    }

    @Test
    void anUnknownEvidenceKindIsAProblemDetail() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/evidence")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"source\":\"s\",\"kind\":\"RUMOUR\",\"level\":1}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"));
        verifyNoInteractions(gateway);
    }

    @Test
    void draftingAProposalSendsDraftProposal() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/proposals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"proposalId\":\"" + QUESTION_ID + "\",\"title\":\"Buy together\","
                                + "\"summary\":\"One framework\",\"form\":\"PROCESS_IMPROVEMENT\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.proposalId").value(QUESTION_ID));
        verify(gateway)
                .sendAndWait(new org.collaborative.app.proposal.DraftProposal(
                        QUESTION_ID,
                        GROUP,
                        "Buy together",
                        "One framework",
                        org.collaborative.events.proposal.ProposalForm.PROCESS_IMPROVEMENT,
                        new org.collaborative.app.kernel.Actor(
                                MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        NOW));
    }

    @Test
    void aProposalWithoutTitleOrFormListsBoth() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/proposals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("title", "form")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aConflictIs409() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("changed"));
        mvc.perform(post("/api/groups/" + GROUP + "/leave").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/conflict"));
    }

    @Test
    void renamingSendsRenameWorkingGroup() throws Exception {
        mvc.perform(put("/api/groups/" + GROUP)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Emergency housing\",\"purpose\":\"No B&Bs\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Emergency housing"));
        verify(gateway)
                .sendAndWait(new RenameWorkingGroup(
                        GROUP,
                        "Emergency housing",
                        "No B&Bs",
                        new org.collaborative.app.kernel.Actor(
                                FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }

    @Test
    void aRenameWithEveryFieldWrongListsEveryFieldBeforeAnyCommand() throws Exception {
        mvc.perform(put("/api/groups/" + GROUP)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"purpose\":\"" + "p".repeat(2_001) + "\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("name", "purpose")));
        verifyNoInteractions(gateway);
    }

    @Test
    void archivingWithoutAReasonIs400AndARefusedReopenIs422() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/archive")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(gateway);
        when(gateway.sendAndWait(any()))
                .thenThrow(new org.collaborative.app.kernel.RuleBrokenException(
                        "Only administrators can reopen an archived group"));
        mvc.perform(post("/api/groups/" + GROUP + "/reopen")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Only administrators can reopen an archived group"));
    }

    @Test
    void archivingSendsArchiveWorkingGroup() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/archive")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Done\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));
        verify(gateway)
                .sendAndWait(new ArchiveWorkingGroup(
                        GROUP,
                        "Done",
                        new org.collaborative.app.kernel.Actor(
                                FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }
}
