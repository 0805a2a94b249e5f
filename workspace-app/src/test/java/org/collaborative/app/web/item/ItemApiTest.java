package org.collaborative.app.web.item;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.PostingLimitReachedException;
import org.collaborative.app.proposal.DecideProposal;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.proposal.ProposalOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The item API: what it sends, and how each kind of refusal comes back as a problem detail. */
@ControllerSlice(ItemApi.class)
class ItemApiTest {

    static final String ANSWER_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    private final Actor member = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());

    @BeforeEach
    void aQuestionAndAProposal() {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        Slices.given(context, Slices.item("p-1", "proposal", "ENDORSED", FACILITATOR));
    }

    private static MockHttpServletRequestBuilder answer() {
        return post("/api/items/q-1/answers")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"" + ANSWER_ID + "\",\"text\":\"Use empty homes\"}")
                .with(as(MEMBER))
                .with(csrf());
    }

    @Test
    void readsAnItem() throws Exception {
        mvc.perform(get("/api/items/q-1").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Title of q-1"));
    }

    @Test
    void answeringSendsAnswerQuestionAndAnswers201() throws Exception {
        mvc.perform(answer())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(ANSWER_ID));
        verify(gateway).sendAndWait(new AnswerQuestion("q-1", ANSWER_ID, "Use empty homes", member, NOW));
    }

    @Test
    void aRetriedAnswerCountsOnce() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        mvc.perform(answer()).andExpect(status().isCreated());
    }

    @Test
    void aBrokenRuleIs422WithTheSentenceThePageShows() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("This question is closed"));
        mvc.perform(answer())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail").value("This question is closed"));
    }

    @Test
    void invalidInputIs400NamingTheField() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new InvalidInputException("answer", "Enter your answer"));
        mvc.perform(answer())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("answer"));
    }

    @Test
    void aConflictIs409() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("changed"));
        mvc.perform(answer())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/conflict"));
    }

    @Test
    void tooManyPostsIs429WithRetryAfter() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new PostingLimitReachedException(Duration.ofSeconds(90)));
        mvc.perform(answer())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "90"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(90));
    }

    @Test
    void decidingSendsDecideProposal() throws Exception {
        mvc.perform(post("/api/items/p-1/status")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"DECIDED\",\"outcome\":\"NOT_TAKEN_FORWARD\",\"note\":\"No budget\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk());
        verify(gateway)
                .sendAndWait(new DecideProposal(
                        "p-1",
                        ProposalOutcome.NOT_TAKEN_FORWARD,
                        "No budget",
                        new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }

    /**
     * Found by the request fuzzer: an answer posted to a proposal's id reached a question's aggregate built from a
     * proposal's events, and Axon's IncompatibleAggregateException was a 500. The command bus now fails it as not found
     * (AnotherKindIsNotFound), and there is no such question there.
     */
    @Test
    void aCommandToAnIdOfAnotherKindIsANotFoundProblem() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new org.axonframework.modelling.command.AggregateNotFoundException(
                        "p-1", "No AnswerQuestion target at this id"));
        mvc.perform(post("/api/items/p-1/answers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Use empty homes\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
    }

    @Test
    void anUnknownItemIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/items/nothing").with(as(MEMBER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
    }

    @Test
    void aHiddenAnswerComesWithoutItsTextToReadersAndWithItToModerators() throws Exception {
        java.time.Instant at = Slices.NOW.minusSeconds(60);
        Slices.given(
                context,
                Slices.withAnswers(
                        Slices.item("q-1", "question", "OPEN", FACILITATOR),
                        new org.collaborative.views.item.ItemView.Answer(
                                "a-1",
                                "Ask Mrs Smith at number 4",
                                MEMBER.memberId(),
                                "camden",
                                at,
                                new org.collaborative.views.item.ItemView.Hidden(
                                        FACILITATOR.memberId(), "Names a resident", at))));
        mvc.perform(get("/api/items/q-1").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[0].answerId").value("a-1"))
                .andExpect(jsonPath("$.answers[0].body").value(""))
                .andExpect(jsonPath("$.answers[0].hidden.at").exists())
                .andExpect(jsonPath("$.answers[0].hidden.reason").doesNotExist())
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Mrs Smith"))));
        mvc.perform(get("/api/items/q-1").with(as(FACILITATOR)))
                .andExpect(jsonPath("$.answers[0].body").value("Ask Mrs Smith at number 4"))
                .andExpect(jsonPath("$.answers[0].hidden.reason").value("Names a resident"));
    }
}
