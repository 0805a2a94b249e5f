package org.collaborative.app.group.web;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.group.JoinWorkingGroup;
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
        verify(gateway).sendAndWait(new JoinWorkingGroup(GROUP, OUTSIDER.memberId(), OUTSIDER.organisationId(),
                OUTSIDER.role(), NOW));
    }

    @Test
    void askingSendsPostQuestion() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/questions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionId\":\"" + QUESTION_ID + "\",\"title\":\"Why?\",\"body\":\"Because\"}")
                        .with(as(MEMBER)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.questionId").value(QUESTION_ID));
        verify(gateway).sendAndWait(new PostQuestion(QUESTION_ID, GROUP, "Why?", "Because", MEMBER.memberId(),
                MEMBER.organisationId(), NOW));
    }

    @Test
    void aQuestionWithoutATitleIs400BeforeAnyCommand() throws Exception {
        mvc.perform(post("/api/groups/" + GROUP + "/questions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\"}").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aConflictIs409() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("changed"));
        mvc.perform(post("/api/groups/" + GROUP + "/leave").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/conflict"));
    }
}
