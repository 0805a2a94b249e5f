package org.collaborative.projections.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.views.search.SearchEntry;
import org.junit.jupiter.api.Test;

class SearchIndexProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private final SearchIndexProjector projector = new SearchIndexProjector();

    @Test
    void aProposalIsIndexedByItsTitleAndSummary() {
        SearchEntry entry = projector.apply(
                projector.empty("p1"),
                envelope(
                        "p1",
                        0,
                        new ProposalDrafted(
                                "p1",
                                "g1",
                                "t",
                                "Joint e-auction for laptops",
                                "Ten councils buying together",
                                ProposalForm.NEW_PARTNERSHIP,
                                "tom",
                                "E09000007",
                                T0)));

        assertThat(entry.type()).isEqualTo("proposal");
        assertThat(entry.itemId()).isEqualTo("p1");
        assertThat(entry.titleTerms()).containsExactly("joint", "e", "auction", "laptop");
        assertThat(entry.terms()).contains("auction", "council", "bui");
    }

    @Test
    void answersBecomePartOfTheQuestionsText() {
        SearchEntry question = projector.apply(
                projector.empty("q1"),
                envelope(
                        "q1",
                        0,
                        new QuestionPosted("q1", "g1", "t", "Who pilots telecare?", "", "tom", "E09000007", T0)));
        SearchEntry answered = projector.apply(
                question,
                envelope(
                        "q1",
                        1,
                        new QuestionAnswered(
                                "q1", "a1", "g1", "Sutton runs a telecare pilot", "mary", "E09000029", T0)));

        assertThat(answered.text()).isEqualTo("Sutton runs a telecare pilot");
        assertThat(answered.terms()).contains("telecar", "sutton", "pilot");
    }

    @Test
    void aCommentPointsAtItsItem() {
        SearchEntry comment = projector.apply(
                projector.empty("c1"),
                envelope(
                        "c1",
                        0,
                        new CommentPosted("c1", "p1", "proposal", "g1", "Count Camden in", "tom", "E09000007", T0)));

        assertThat(comment.type()).isEqualTo("comment");
        assertThat(comment.itemId()).isEqualTo("p1");
        assertThat(comment.terms()).containsExactly("count", "camden");
    }
}
