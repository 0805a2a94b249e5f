package org.collaborative.app.question;

import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.BEN;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.group.GroupRules.NotAGroupMemberException;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.support.Directories;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.question.AnswerAccepted;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionClosed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.events.question.QuestionReopened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answering, accepting, closing and reopening a question. */
class QuestionLifecycleTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final QuestionPosted POSTED =
            new QuestionPosted("q1", "g1", THEME, "Who ran an e-auction?", "", "tom", "E09000007", AT);
    private static final QuestionAnswered ANSWERED =
            new QuestionAnswered("q1", "a1", "g1", "Hackney did.", "priya", "E09000012", AT);
    private static final ItemHidden HIDDEN =
            new ItemHidden("q1", "question", null, "g1", "Names a resident", "amara", AT);

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new Directories());
    }

    @Test
    void aMemberAnswers() {
        fixture.given(POSTED)
                .when(new AnswerQuestion("q1", "a1", " Hackney did. ", PRIYA, AT))
                .expectEvents(ANSWERED);
    }

    @Test
    void theSameAnswerPostedTwiceIsRecordedOnce() {
        fixture.given(POSTED, ANSWERED)
                .when(new AnswerQuestion("q1", "a1", "Hackney did.", PRIYA, AT))
                .expectNoEvents();
    }

    @Test
    void anEmptyAnswerIsRefused() {
        fixture.given(POSTED)
                .when(new AnswerQuestion("q1", "a1", "  ", PRIYA, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter an answer");
    }

    @Test
    void noAnswersOnAClosedQuestion() {
        fixture.given(POSTED, new QuestionClosed("q1", "tom", AT))
                .when(new AnswerQuestion("q1", "a1", "Late answer", PRIYA, AT))
                .expectException(Question.QuestionClosedException.class)
                .expectExceptionMessage("This question is closed, so it takes no more answers");
    }

    @Test
    void nonMembersCannotAnswer() {
        fixture.given(POSTED)
                .when(new AnswerQuestion("q1", "a1", "Me!", BEN, AT))
                .expectException(NotAGroupMemberException.class)
                .expectExceptionMessage("Join this group before you answer its questions");
    }

    @Test
    void theAskerAcceptsAnAnswerOnce() {
        fixture.given(POSTED, ANSWERED)
                .when(new AcceptAnswer("q1", "a1", TOM, AT))
                .expectEvents(new AnswerAccepted("q1", "a1", "tom", AT));
        fixture.given(POSTED, ANSWERED, new AnswerAccepted("q1", "a1", "tom", AT))
                .when(new AcceptAnswer("q1", "a1", TOM, AT))
                .expectNoEvents();
    }

    @Test
    void aFacilitatorMayAcceptButOthersMayNot() {
        fixture.given(POSTED, ANSWERED)
                .when(new AcceptAnswer("q1", "a1", AMARA, AT))
                .expectEvents(new AnswerAccepted("q1", "a1", "amara", AT));
        fixture.given(POSTED, ANSWERED)
                .when(new AcceptAnswer("q1", "a1", PRIYA, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only the person who asked the question or a facilitator can accept an answer");
    }

    @Test
    void onlyAnExistingAnswerCanBeAccepted() {
        fixture.given(POSTED)
                .when(new AcceptAnswer("q1", "nope", TOM, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("There is no such answer to this question");
    }

    @Test
    void closeAndReopen() {
        fixture.given(POSTED).when(new CloseQuestion("q1", TOM, AT)).expectEvents(new QuestionClosed("q1", "tom", AT));
        fixture.given(POSTED, new QuestionClosed("q1", "tom", AT))
                .when(new CloseQuestion("q1", TOM, AT))
                .expectNoEvents();
        fixture.given(POSTED, new QuestionClosed("q1", "tom", AT))
                .when(new ReopenQuestion("q1", AMARA, AT))
                .expectEvents(new QuestionReopened("q1", "amara", AT));
        fixture.given(POSTED).when(new ReopenQuestion("q1", TOM, AT)).expectNoEvents();
        fixture.given(POSTED)
                .when(new CloseQuestion("q1", PRIYA, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only the person who asked the question or a facilitator can close it");
    }

    @Test
    void aHiddenQuestionTakesNoAnswers() {
        fixture.given(POSTED, HIDDEN)
                .when(new AnswerQuestion("q1", "a1", "Hackney did.", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectExceptionMessage(
                        "This question is hidden, so it cannot be answered until a facilitator restores it")
                .expectNoEvents();
    }

    @Test
    void noAnswerIsAcceptedOnAHiddenQuestion() {
        fixture.given(POSTED, ANSWERED, HIDDEN)
                .when(new AcceptAnswer("q1", "a1", AMARA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void aHiddenQuestionIsNotReopened() {
        fixture.given(POSTED, new QuestionClosed("q1", "tom", AT), HIDDEN)
                .when(new ReopenQuestion("q1", AMARA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void aFacilitatorMayStillCloseAHiddenQuestion() {
        fixture.given(POSTED, HIDDEN)
                .when(new CloseQuestion("q1", AMARA, AT))
                .expectEvents(new QuestionClosed("q1", "amara", AT));
    }

    @Test
    void aRestoredQuestionIsAnsweredAgain() {
        fixture.given(POSTED, HIDDEN, new ItemRestored("q1", "question", null, "g1", "Name removed", "amara", AT))
                .when(new AnswerQuestion("q1", "a1", "Hackney did.", PRIYA, AT))
                .expectEvents(ANSWERED);
    }
}
