package org.collaborative.projections.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.group.WorkingGroupRenamed;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerRestored;
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
    void aHiddenAnswerLeavesTheQuestionsTextUntilItIsRestored() {
        SearchEntry question = projector.apply(
                projector.empty("q1"),
                envelope(
                        "q1",
                        0,
                        new QuestionPosted("q1", "g1", "t", "Who pilots telecare?", "", "tom", "E09000007", T0)));
        question = projector.apply(
                question,
                envelope(
                        "q1",
                        1,
                        new QuestionAnswered("q1", "a1", "g1", "Ask Mrs Smith in Sutton", "mary", "E09000029", T0)));
        question = projector.apply(
                question,
                envelope(
                        "q1",
                        2,
                        new QuestionAnswered(
                                "q1", "a2", "g1", "Hackney pilots it", "priya", "E09000012", T0.plusSeconds(1))));

        SearchEntry hidden = projector.apply(
                question,
                envelope("q1", 3, new AnswerHidden("q1", "a1", "g1", "mary", "Names a resident", "amara", T0)));
        assertThat(hidden.text()).isEqualTo("Hackney pilots it");
        assertThat(hidden.terms()).contains("hacknei", "telecar").doesNotContain("smith", "sutton");
        assertThat(hidden.textTerms()).doesNotContain("smith");

        SearchEntry restored = projector.apply(
                hidden, envelope("q1", 4, new AnswerRestored("q1", "a1", "g1", "mary", "Fine", "amara", T0)));
        assertThat(restored.text()).isEqualTo("Ask Mrs Smith in Sutton\n\nHackney pilots it");
        assertThat(restored.terms()).contains("smith", "sutton", "hacknei");
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

    @Test
    void aWorkingGroupIsFoundByItsNameAndPurposeAndSeenByItsOwnRule() {
        SearchEntry group = projector.apply(
                projector.empty("g1"),
                envelope(
                        "g1",
                        0,
                        new WorkingGroupFormed(
                                "g1",
                                "climate-change-and-carbon-reduction",
                                "Buying better together",
                                "Cut cost with **e-auctions**",
                                GroupVisibility.COUNCIL_ONLY,
                                "amara",
                                "london-councils",
                                T0)));

        assertThat(projector.viewId(new WorkingGroupFormed(
                        "g1", "t", "n", "p", GroupVisibility.OPEN, "amara", "london-councils", T0)))
                .contains("g1");
        assertThat(group.type()).isEqualTo("group");
        assertThat(group.itemId()).isEqualTo("g1");
        assertThat(group.groupId()).as("visible to whoever may see the group").isEqualTo("g1");
        assertThat(group.themeId()).isEqualTo("climate-change-and-carbon-reduction");
        assertThat(group.organisationId()).isEqualTo("london-councils");
        assertThat(group.title()).isEqualTo("Buying better together");
        assertThat(group.titleTerms()).containsExactly("bui", "better", "togeth");
        assertThat(group.textTerms()).containsExactly("cut", "cost", "e", "auction");
        assertThat(group.level()).isNull();
    }

    @Test
    void aRenamedGroupIsFoundByItsNewNameAndPurposeOnly() {
        SearchEntry group = projector.apply(
                projector.empty("g1"),
                envelope(
                        "g1",
                        0,
                        new WorkingGroupFormed(
                                "g1",
                                "climate",
                                "Buying better together",
                                "Cut cost with e-auctions",
                                GroupVisibility.OPEN,
                                "amara",
                                "london-councils",
                                T0)));
        WorkingGroupRenamed renamed =
                new WorkingGroupRenamed("g1", "Retrofit rooftops", "Solar panels on schools", "amara", T0);
        group = projector.apply(group, envelope("g1", 1, renamed));

        assertThat(projector.viewId(renamed)).contains("g1");
        assertThat(group.title()).isEqualTo("Retrofit rooftops");
        assertThat(group.terms()).contains("retrofit", "rooftop", "solar", "school");
        assertThat(group.terms()).doesNotContain("bui", "auction");
        assertThat(group.type()).isEqualTo("group");
        assertThat(group.groupId()).as("still seen by the group's own rule").isEqualTo("g1");
        assertThat(group.themeId()).isEqualTo("climate");
        assertThat(group.at()).as("still dated when it was formed").isEqualTo(T0);
    }

    @Test
    void evidenceKeepsItsLevelAsRevised() {
        SearchEntry submitted = projector.apply(
                projector.empty("e1"),
                envelope(
                        "e1",
                        0,
                        new EvidenceSubmitted(
                                "e1",
                                "g1",
                                "t",
                                "Audited e-auction savings",
                                "Four councils compared prices.",
                                "Borough returns",
                                EvidenceKind.DATA,
                                2,
                                "sutton",
                                "E09000029",
                                T0)));
        SearchEntry revised = projector.apply(
                submitted,
                envelope(
                        "e1",
                        1,
                        new EvidenceRevised(
                                "e1",
                                "Audited e-auction savings",
                                "Four councils compared prices with six that did not take part.",
                                "Borough returns",
                                EvidenceKind.DATA,
                                3,
                                "sutton",
                                T0.plusSeconds(60))));

        assertThat(submitted.type()).isEqualTo("evidence");
        assertThat(submitted.level()).isEqualTo(2);
        assertThat(revised.level()).isEqualTo(3);
        assertThat(revised.type()).isEqualTo("evidence");
        assertThat(revised.at()).as("found by when it was submitted").isEqualTo(T0);
        assertThat(revised.terms()).contains("six", "part", "borough");
    }
}
