package org.collaborative.app.web.question;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.question.Question;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(QuestionController.class)
class QuestionControllerTest {

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
    void withoutJavaScriptAQuestionIsPostedAndThePageShowsIt() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/questions")
                        .param("questionId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "How do we cut B&B use?")
                        .param("body", "Details")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(
                        redirectedUrl("/groups/" + GROUP + "?posted=11111111-2222-4333-8444-555555555555#questions"));
        verify(gateway)
                .sendAndWait(new PostQuestion(
                        "11111111-2222-4333-8444-555555555555",
                        GROUP,
                        "How do we cut B&B use?",
                        "Details",
                        MEMBER.memberId(),
                        MEMBER.organisationId(),
                        NOW));
    }

    @Test
    void withHtmxTheQuestionIsShownAtOnceFromTheCommand() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/questions")
                        .header("HX-Request", "true")
                        .param("questionId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "How do we cut B&B use?")
                        .param("body", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group :: question-posted"))
                .andExpect(content().string(containsString("How do we cut B&amp;B use?")))
                .andExpect(content().string(containsString("hx-swap-oob")));
    }

    @Test
    void theSameFormPostedTwiceAsksOnce() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        mvc.perform(post("/groups/" + GROUP + "/questions")
                        .param("questionId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "Again")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(
                        redirectedUrl("/groups/" + GROUP + "?posted=11111111-2222-4333-8444-555555555555#questions"));
    }

    @Test
    void anEmptyQuestionIsRefusedBeforeAnyCommandWithTheFullPageWithoutJavaScript() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/questions")
                        .param("questionId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group"))
                .andExpect(content().string(containsString("<title>Error:")))
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("Enter your question")));
        org.mockito.Mockito.verifyNoInteractions(gateway);
    }

    @Test
    void withHtmxARefusalReplacesTheFormAndTheErrorSummaryWithStatus200() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("question", "Your question is too long"));
        mvc.perform(post("/groups/" + GROUP + "/questions")
                        .header("HX-Request", "true")
                        .param("questionId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "Long")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group :: question-refused"))
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("Your question is too long")));
    }

    @Test
    void aBrokenRuleForSomeoneNotInTheGroupLinksToTheJoinButton() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Join this group before you post"));
        mvc.perform(post("/groups/" + GROUP + "/questions")
                        .param("questionId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "Why?")
                        .with(as(Slices.OUTSIDER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#join\"")))
                .andExpect(content().string(containsString("Join this group before you post")));
    }

    @Test
    void aQuestionTooLongAndDetailsTooLongAreBothShownWithTheLimits() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/questions")
                        .param("questionId", "11111111-2222-4333-8444-555555555555")
                        .param("title", "q".repeat(Question.MAX_TITLE + 1))
                        .param("body", "d".repeat(Question.MAX_BODY + 1))
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("href=\"#body\"")))
                .andExpect(content().string(containsString("The details must be 10,000 characters or fewer")))
                .andExpect(content().string(containsString("You can enter up to 150 characters")));
        org.mockito.Mockito.verifyNoInteractions(gateway);
    }
}
