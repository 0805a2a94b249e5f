package org.collaborative.app.web.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
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

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.AnswerModeration;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.item.ItemView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reporting, hiding and the moderation pages. The moderation commands' shapes are being reworked, so these tests
 * check that a command is sent and how a refusal is shown, not the command's fields.
 */
@ControllerSlice(ModerationController.class)
class ModerationControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @BeforeEach
    void aQuestion() {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", MEMBER));
        when(context.getBean(GroupViews.class).allWithoutQuestions()).thenReturn(List.of(Slices.group()));
    }

    @Test
    void showsTheReportForm() throws Exception {
        mvc.perform(get("/items/q-1/report").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/report"))
                .andExpect(content().string(containsString("name=\"reportId\"")));
    }

    @Test
    void reportingSendsACommandAndGoesBackToTheItem() throws Exception {
        mvc.perform(post("/items/q-1/report")
                        .param("reportId", "r-1")
                        .param("reason", "Personal details")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=reported"));
        verify(gateway).sendAndWait(any());
    }

    @Test
    void aReportWithoutAReasonIsAnErrorOnTheReasonBeforeAnyCommand() throws Exception {
        mvc.perform(post("/items/q-1/report")
                        .param("reportId", "r-1")
                        .param("reason", " ")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/report"))
                .andExpect(content()
                        .string(containsString("<a href=\"#reason\">Enter why a facilitator should look at it</a>")))
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("You can enter up to 2,000 characters")))
                .andExpect(content().string(containsString("name=\"reportId\" value=\"r-1\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedReportKeepsTheReasonTyped() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("A facilitator has already hidden this question"));
        mvc.perform(post("/items/q-1/report")
                        .param("reportId", "r-1")
                        .param("reason", "It names a resident")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#reason\">A facilitator has already hidden this question</a>")))
                .andExpect(content().string(containsString(">It names a resident</textarea>")));
    }

    @Test
    void hidingAnItemFromItsFormGoesBackToTheItemWithoutACommentReference() throws Exception {
        // The form sends an empty comment for an item: the page then waits for the item, not for a comment.
        mvc.perform(post("/items/q-1/moderate")
                        .param("comment", "")
                        .param("action", "hide")
                        .param("reason", "Personal details")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=hidden"));
        verify(gateway).sendAndWait(any());
    }

    @Test
    void theModerationPageIsForTheGroupsFacilitators() throws Exception {
        mvc.perform(get("/moderation").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/moderation"));
        mvc.perform(get("/moderation").with(as(MEMBER))).andExpect(status().isNotFound());
    }

    @Test
    void hidingIsForModeratorsOnly() throws Exception {
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "hide")
                        .param("reason", "Abuse")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "hide")
                        .param("reason", "Abuse")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=hidden"));
    }

    @Test
    void dismissingTheReportsHasItsOwnFormAndGoesBackToTheItem() throws Exception {
        mvc.perform(get("/items/q-1/moderate").param("action", "dismiss").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/moderate"))
                .andExpect(content().string(containsString("name=\"action\" value=\"dismiss\"")))
                .andExpect(content().string(containsString("Dismiss the reports of this question")));
        mvc.perform(post("/items/q-1/moderate")
                        .param("comment", "")
                        .param("action", "dismiss")
                        .param("reason", "Blunt but fair")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=dismissed"));
        verify(gateway).sendAndWait(any());
    }

    @Test
    void dismissingWithoutAReasonStaysOnTheDismissFormBeforeAnyCommand() throws Exception {
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "dismiss")
                        .param("reason", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#reason\">Enter your reason</a>")))
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("name=\"action\" value=\"dismiss\"")));
        verifyNoInteractions(gateway);
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "dismiss")
                        .param("reason", "Fine")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aHidingReasonOverTheLimitIsAnErrorWithWhatWasTypedAndItsCount() throws Exception {
        String tooLong = "Names a resident. " + "x".repeat(2_000);
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "hide")
                        .param("reason", tooLong)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/moderate"))
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#reason\">Your reason must be 2,000 characters or fewer</a>")))
                .andExpect(content().string(containsString("data-maxlength=\"2000\"")))
                .andExpect(content().string(containsString(">" + tooLong + "</textarea>")));
        verifyNoInteractions(gateway);
    }

    private void aQuestionWithAnAnswer(ItemView.Hidden hidden) {
        java.time.Instant at = Slices.NOW.minusSeconds(60);
        Slices.given(
                context,
                Slices.withAnswers(
                        Slices.item("q-1", "question", "OPEN", MEMBER),
                        new ItemView.Answer(
                                "a-1", "Ask Mrs Smith at number 4", MEMBER.memberId(), "camden", at, hidden),
                        new ItemView.Answer("a-2", "Hackney did", FACILITATOR.memberId(), "camden", at, null)));
    }

    /** The one command sent, as the gateway got it. */
    private AnswerModeration sentToTheQuestion() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(sent.capture());
        assertThat(sent.getValue().getCommandName()).isEqualTo(ModeratedKind.CommandNames.ANSWER);
        return (AnswerModeration) sent.getValue().getPayload();
    }

    @Test
    void anAnswersReportFormQuotesTheAnswer() throws Exception {
        aQuestionWithAnAnswer(null);
        mvc.perform(get("/items/q-1/report").param("answer", "a-1").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Report this answer")))
                .andExpect(content().string(containsString("Ask Mrs Smith at number 4")))
                .andExpect(content().string(containsString("answer=a-1")));
        mvc.perform(get("/items/q-1/report").param("answer", "a-9").with(as(MEMBER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void reportingAnAnswerSendsTheReportToItsQuestion() throws Exception {
        aQuestionWithAnAnswer(null);
        mvc.perform(post("/items/q-1/report")
                        .param("answer", "a-1")
                        .param("reportId", "11111111-1111-4111-8111-111111111111")
                        .param("reason", "Names a resident")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=reported"));
        AnswerModeration sent = sentToTheQuestion();
        assertThat(sent.questionId()).isEqualTo("q-1");
        assertThat(sent.command())
                .isEqualTo(new ModerationCommand.Report(
                        ModeratedKind.ANSWER,
                        "a-1",
                        "11111111-1111-4111-8111-111111111111",
                        "Names a resident",
                        new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        Slices.NOW));
    }

    @Test
    void aFacilitatorHidesAnAnswerAndTheItemPageWaitsForThatAnswer() throws Exception {
        aQuestionWithAnAnswer(null);
        mvc.perform(get("/items/q-1/moderate").param("answer", "a-1").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hide this answer")))
                .andExpect(content().string(containsString("Ask Mrs Smith at number 4")));
        mvc.perform(post("/items/q-1/moderate")
                        .param("comment", "")
                        .param("answer", "a-1")
                        .param("action", "hide")
                        .param("reason", "Names a resident")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=hidden&ref=a-1"));
        AnswerModeration sent = sentToTheQuestion();
        assertThat(sent.command())
                .isEqualTo(new ModerationCommand.Hide(
                        ModeratedKind.ANSWER,
                        "a-1",
                        "Names a resident",
                        new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        Slices.NOW));
    }

    @Test
    void hidingAnAnswerWithoutAReasonIsAnErrorSummaryBeforeAnyCommand() throws Exception {
        aQuestionWithAnAnswer(null);
        mvc.perform(post("/items/q-1/moderate")
                        .param("answer", "a-1")
                        .param("action", "hide")
                        .param("reason", " ")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/moderate"))
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("<a href=\"#reason\">Enter your reason</a>")))
                .andExpect(content().string(containsString("answer=a-1")));
        verifyNoInteractions(gateway);
    }

    @Test
    void onlyModeratorsReachAnAnswersModerationForm() throws Exception {
        aQuestionWithAnAnswer(null);
        mvc.perform(get("/items/q-1/moderate").param("answer", "a-1").with(as(MEMBER)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/items/q-1/moderate")
                        .param("answer", "a-1")
                        .param("action", "hide")
                        .param("reason", "Abuse")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }

    @Test
    void aHiddenAnswerIsRestoredFromTheSameForm() throws Exception {
        aQuestionWithAnAnswer(new ItemView.Hidden(FACILITATOR.memberId(), "Names a resident", Slices.NOW));
        mvc.perform(get("/items/q-1/moderate").param("answer", "a-1").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Restore this answer")))
                .andExpect(content().string(containsString("name=\"action\" value=\"restore\"")));
        mvc.perform(post("/items/q-1/moderate")
                        .param("answer", "a-1")
                        .param("action", "restore")
                        .param("reason", "A public officer")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=restored&ref=a-1"));
        assertThat(sentToTheQuestion().command()).isInstanceOf(ModerationCommand.Restore.class);
    }
}
