package org.collaborative.app.web.item;

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
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.question.AcceptAnswer;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(AnswerController.class)
class AnswerControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    private final Actor member = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());

    @BeforeEach
    void aQuestion() {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", Slices.FACILITATOR));
    }

    @Test
    void answeringSendsAnswerQuestionAndGoesBackToThePage() throws Exception {
        mvc.perform(post("/items/q-1/answers")
                        .param("answerId", "a-1")
                        .param("answer", "Use empty council homes")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=answered&ref=a-1"));
        verify(gateway).sendAndWait(new AnswerQuestion("q-1", "a-1", "Use empty council homes", member, NOW));
    }

    /**
     * Found by the request fuzzer: accepting an "answer" whose id is a proposal's was a 500, not "Page not found" (the
     * command bus fails it as not found: AnotherKindIsNotFound).
     */
    @Test
    void aCommandToAnIdOfAnotherKindIsPageNotFound() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new org.axonframework.modelling.command.AggregateNotFoundException(
                        "p-1", "No AnswerQuestion target at this id"));
        mvc.perform(post("/items/q-1/answers/p-1/acceptance").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEmptyAnswerShowsThePageWithTheErrorOnTheAnswerBeforeAnyCommand() throws Exception {
        mvc.perform(post("/items/q-1/answers")
                        .param("answerId", "a-1")
                        .param("answer", " ")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("item/item"))
                .andExpect(content().string(containsString("<title>Error:")))
                .andExpect(content().string(containsString("href=\"#answer\"")))
                .andExpect(content().string(containsString("id=\"answer-error\"")))
                .andExpect(content().string(containsString("Enter your answer")))
                .andExpect(content().string(containsString("data-maxlength=\"10000\"")))
                .andExpect(content().string(containsString("You can enter up to 10,000 characters")))
                // The same id comes back, so that sending the form again answers once.
                .andExpect(content().string(containsString("name=\"answerId\" value=\"a-1\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedAnswerShowsTheRefusalOnTheAnswerAndWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("answer", "Your answer is too long"));
        mvc.perform(post("/items/q-1/answers")
                        .param("answerId", "a-1")
                        .param("answer", "Typed")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#answer\"")))
                .andExpect(content().string(containsString("Your answer is too long")))
                .andExpect(content().string(containsString(">Typed</textarea>")));
    }

    @Test
    void acceptingSendsAcceptAnswer() throws Exception {
        mvc.perform(post("/items/q-1/answers/a-1/acceptance").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=accepted&ref=a-1"));
        verify(gateway).sendAndWait(new AcceptAnswer("q-1", "a-1", member, NOW));
    }

    @Test
    void aRefusedAcceptanceLinksToTheAnswers() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Only the asker can accept an answer"));
        mvc.perform(post("/items/q-1/answers/a-1/acceptance").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#answers\"")))
                .andExpect(content().string(containsString("Only the asker can accept an answer")));
    }
}
