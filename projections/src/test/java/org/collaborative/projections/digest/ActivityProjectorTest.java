package org.collaborative.projections.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Kind;
import org.junit.jupiter.api.Test;

/** One answer hidden and restored: the question stays as it is, and the answer's author is named to be told. */
class ActivityProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private final ActivityProjector projector = new ActivityProjector();

    @Test
    void aHiddenAnswerIsAHappeningForItsAuthorAndLeavesTheQuestionShown() {
        ActivityView question = projector.apply(
                projector.empty("q1"),
                envelope("q1", 0, new QuestionPosted("q1", "g1", "t", "Who pools contracts?", "", "tom", "E1", T0)));
        question = projector.apply(
                question,
                envelope("q1", 1, new QuestionAnswered("q1", "a1", "g1", "Ask Mrs Smith", "priya", "E2", T0)));
        question = projector.apply(
                question,
                envelope(
                        "q1",
                        2,
                        new AnswerHidden("q1", "a1", "g1", "priya", "Names a resident", "amara", T0.plusSeconds(60))));
        question = projector.apply(
                question,
                envelope(
                        "q1",
                        3,
                        new AnswerRestored("q1", "a1", "g1", "priya", "A public officer", "sam", T0.plusSeconds(90))));

        assertThat(question.hidden()).isFalse();
        assertThat(question.authorId()).isEqualTo("tom");
        assertThat(question.happenings())
                .filteredOn(h -> h.kind() == Kind.ANSWER_HIDDEN || h.kind() == Kind.ANSWER_RESTORED)
                .extracting(
                        ActivityView.Happening::kind,
                        ActivityView.Happening::actorId,
                        ActivityView.Happening::subjectMemberId,
                        ActivityView.Happening::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.ANSWER_HIDDEN, "amara", "priya", "Names a resident"),
                        org.assertj.core.groups.Tuple.tuple(Kind.ANSWER_RESTORED, "sam", "priya", "A public officer"));
    }
}
