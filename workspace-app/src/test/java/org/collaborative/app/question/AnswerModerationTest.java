package org.collaborative.app.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.collaborative.app.moderation.ModeratedKind.ANSWER;
import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.BEN;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.SAM;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.AnswerModeration;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.app.support.Directories;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerReported;
import org.collaborative.events.moderation.AnswerReportsDismissed;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.question.AnswerAccepted;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionClosed;
import org.collaborative.events.question.QuestionPosted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One answer reported, hidden, restored or its reports dismissed, on its question's aggregate, by the same rules as an
 * item (group "g1": Tom asked, Priya answered, Amara facilitates; Ben is a partner outside it, Sam an administrator).
 */
class AnswerModerationTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final Instant LATER = AT.plusSeconds(60);
    private static final QuestionPosted POSTED =
            new QuestionPosted("q1", "g1", THEME, "Who ran an e-auction?", "", "tom", "E09000007", AT);
    private static final QuestionAnswered ANSWERED =
            new QuestionAnswered("q1", "a1", "g1", "Ask Mrs Smith at 4 Acacia Road.", "priya", "E09000012", AT);
    private static final QuestionAnswered OTHER_ANSWER =
            new QuestionAnswered("q1", "a2", "g1", "Hackney did.", "tom", "E09000007", AT);
    private static final AnswerHidden HIDDEN =
            new AnswerHidden("q1", "a1", "g1", "priya", "Names a resident", "amara", LATER);

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new Directories());
    }

    private static CommandMessage<AnswerModeration> on(String answerId, ModerationCommand command) {
        return new AnswerModeration("q1", command).message();
    }

    private static CommandMessage<AnswerModeration> report(String answerId, String reportId, Actor by) {
        return on(answerId, new ModerationCommand.Report(ANSWER, answerId, reportId, " Names a resident ", by, LATER));
    }

    private static CommandMessage<AnswerModeration> hide(String answerId, String reason, Actor by) {
        return on(answerId, new ModerationCommand.Hide(ANSWER, answerId, reason, by, LATER));
    }

    private static CommandMessage<AnswerModeration> restore(String reason, Actor by) {
        return on("a1", new ModerationCommand.Restore(ANSWER, "a1", reason, by, LATER));
    }

    private static CommandMessage<AnswerModeration> dismiss(String reason, Actor by) {
        return on("a1", new ModerationCommand.Dismiss(ANSWER, "a1", reason, by, LATER));
    }

    private static AnswerReported reported(String reportId, Actor by) {
        return new AnswerReported(
                "q1", "a1", "g1", reportId, "Names a resident", by.memberId(), by.organisationId(), LATER);
    }

    @Test
    void anyoneWhoCanSeeTheGroupReportsAnAnswerWithAReason() {
        fixture.given(POSTED, ANSWERED).when(report("a1", "r1", TOM)).expectEvents(reported("r1", TOM));
    }

    @Test
    void theSameReportPostedTwiceIsRecordedOnce() {
        fixture.given(POSTED, ANSWERED, reported("r1", TOM))
                .when(report("a1", "r1", TOM))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAnAnswerOfTheQuestionCanBeModerated() {
        fixture.given(POSTED, ANSWERED)
                .when(hide("nope", "Names a resident", AMARA))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("There is no such answer to this question");
    }

    @Test
    void aFacilitatorHidesOneAnswerWithAReasonAndItsAuthorIsNamed() {
        fixture.given(POSTED, ANSWERED, OTHER_ANSWER, reported("r1", TOM))
                .when(hide("a1", " Names a resident ", AMARA))
                .expectEvents(HIDDEN);
    }

    @Test
    void anAdministratorHidesAnAnswerInAnyGroup() {
        fixture.given(POSTED, ANSWERED)
                .when(hide("a1", "Names a resident", SAM))
                .expectEvents(new AnswerHidden("q1", "a1", "g1", "priya", "Names a resident", "sam", LATER));
    }

    @Test
    void onlyFacilitatorsAndAdministratorsHideAnAnswer() {
        fixture.given(POSTED, ANSWERED)
                .when(hide("a1", "Names a resident", TOM))
                .expectNoEvents()
                .expectExceptionMessage("Only a facilitator of this group or an administrator can hide this answer");
    }

    @Test
    void hidingAnAnswerNeedsAReason() {
        fixture.given(POSTED, ANSWERED)
                .when(hide("a1", " ", AMARA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a reason");
    }

    @Test
    void aHiddenAnswerIsNeitherHiddenAgainNorReported() {
        fixture.given(POSTED, ANSWERED, HIDDEN)
                .when(hide("a1", "Again", AMARA))
                .expectExceptionMessage("This answer is already hidden");
        fixture.given(POSTED, ANSWERED, HIDDEN)
                .when(report("a1", "r2", TOM))
                .expectExceptionMessage("A facilitator has already hidden this answer");
    }

    @Test
    void hidingOneAnswerLeavesTheQuestionAndItsOtherAnswersOpen() {
        fixture.given(POSTED, ANSWERED, OTHER_ANSWER, HIDDEN)
                .when(new AnswerQuestion("q1", "a3", "Camden too.", PRIYA, LATER))
                .expectEvents(new QuestionAnswered("q1", "a3", "g1", "Camden too.", "priya", "E09000012", LATER));
        fixture.given(POSTED, ANSWERED, OTHER_ANSWER, HIDDEN)
                .when(new AcceptAnswer("q1", "a2", TOM, LATER))
                .expectEvents(new AnswerAccepted("q1", "a2", "tom", LATER));
        fixture.given(POSTED, ANSWERED, OTHER_ANSWER, HIDDEN)
                .when(report("a2", "r3", PRIYA))
                .expectEvents(
                        new AnswerReported("q1", "a2", "g1", "r3", "Names a resident", "priya", "E09000012", LATER));
    }

    @Test
    void aHiddenAnswerCannotBeAccepted() {
        fixture.given(POSTED, ANSWERED, HIDDEN)
                .when(new AcceptAnswer("q1", "a1", TOM, LATER))
                .expectException(HiddenItemException.class)
                .expectExceptionMessage(
                        "This answer is hidden, so it cannot be accepted until a facilitator restores it");
    }

    @Test
    void anAcceptedAnswerCanBeHiddenAndStaysAccepted() {
        AnswerAccepted accepted = new AnswerAccepted("q1", "a1", "tom", AT);
        fixture.given(POSTED, ANSWERED, accepted)
                .when(hide("a1", "Names a resident", AMARA))
                .expectEvents(HIDDEN);
        fixture.given(POSTED, ANSWERED, accepted, HIDDEN)
                .when(new AcceptAnswer("q1", "a1", TOM, LATER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aFacilitatorRestoresAHiddenAnswerWhichCanThenBeAccepted() {
        fixture.given(POSTED, ANSWERED, HIDDEN)
                .when(restore(" Was a public officer ", AMARA))
                .expectEvents(new AnswerRestored("q1", "a1", "g1", "priya", "Was a public officer", "amara", LATER));
        fixture.given(
                        POSTED,
                        ANSWERED,
                        HIDDEN,
                        new AnswerRestored("q1", "a1", "g1", "priya", "Was a public officer", "amara", LATER))
                .when(new AcceptAnswer("q1", "a1", TOM, LATER))
                .expectEvents(new AnswerAccepted("q1", "a1", "tom", LATER));
    }

    @Test
    void restoringAnAnswerRules() {
        fixture.given(POSTED, ANSWERED)
                .when(restore("Fine", AMARA))
                .expectExceptionMessage("This answer is not hidden, so there is nothing to restore");
        fixture.given(POSTED, ANSWERED, HIDDEN)
                .when(restore("Fine", PRIYA))
                .expectExceptionMessage("Only a facilitator of this group or an administrator can restore this answer");
    }

    @Test
    void aFacilitatorDismissesTheReportsOfAnAnswerOnce() {
        fixture.given(POSTED, ANSWERED, reported("r1", TOM))
                .when(dismiss("It criticises a policy", AMARA))
                .expectEvents(new AnswerReportsDismissed("q1", "a1", "g1", "It criticises a policy", "amara", LATER));
        fixture.given(
                        POSTED,
                        ANSWERED,
                        reported("r1", TOM),
                        new AnswerReportsDismissed("q1", "a1", "g1", "It criticises a policy", "amara", LATER))
                .when(dismiss("Again", AMARA))
                .expectExceptionMessage("This answer has no open reports to dismiss");
    }

    @Test
    void theAnswersOfAHiddenQuestionAreNotReportedButItsModeratorsStillHideThem() {
        ItemHidden questionHidden = new ItemHidden("q1", "question", null, "g1", "Off topic", "amara", AT);
        fixture.given(POSTED, ANSWERED, questionHidden)
                .when(report("a1", "r1", TOM))
                .expectException(HiddenItemException.class)
                .expectExceptionMessage(
                        "This question is hidden, so its answers cannot be reported until a facilitator restores it");
        fixture.given(POSTED, ANSWERED, questionHidden)
                .when(hide("a1", "Names a resident", AMARA))
                .expectEvents(new AnswerHidden("q1", "a1", "g1", "priya", "Names a resident", "amara", LATER));
    }

    @Test
    void hidingAnAnswerDoesNotHideTheQuestion() {
        fixture.given(POSTED, ANSWERED, HIDDEN)
                .when(new ModerationCommand.Report(ModeratedKind.QUESTION, "q1", "r9", "Off topic", BEN, LATER)
                        .message())
                .expectEvents(new org.collaborative.events.moderation.ItemReported(
                        "q1", "question", null, "g1", "r9", "Off topic", "ben", "partner-bt", LATER));
    }

    @Test
    void anAnswersCommandsGoToItsQuestionUnderTheirOwnName() {
        ModerationCommand hide = new ModerationCommand.Hide(ANSWER, "a1", "Rude", AMARA, AT);
        AnswerModeration onQuestion = new AnswerModeration("q1", hide);
        assertThat(onQuestion.message().getCommandName()).isEqualTo(ModeratedKind.CommandNames.ANSWER);
        assertThat(onQuestion.answerId()).isEqualTo("a1");
        assertThatThrownBy(hide::message).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AnswerModeration(
                        "q1", new ModerationCommand.Hide(ModeratedKind.QUESTION, "q1", "Rude", AMARA, AT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedQuestionsAnswersAreStillModerated() {
        fixture.given(POSTED, ANSWERED, new QuestionClosed("q1", "tom", AT))
                .when(hide("a1", "Names a resident", AMARA))
                .expectEvents(HIDDEN);
    }
}
