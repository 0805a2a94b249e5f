package org.collaborative.projections.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.proposal.EvidenceLinkedToProposal;
import org.collaborative.events.proposal.ProposalChallenged;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalDraftedFromBoard;
import org.collaborative.events.proposal.ProposalEndorsed;
import org.collaborative.events.proposal.ProposalEndorsedByGroup;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.proposal.ProposalOpenedForChallenge;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionClosed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.ProjectionRunner;
import org.collaborative.views.item.ItemView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The items view on a real MongoDB wire-protocol server, through the runner (so redelivery is exercised too). */
class ItemsProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ProjectionRunner runner;
    private final ItemsProjector projector = new ItemsProjector();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative");
        runner = new ProjectionRunner(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private ItemView item(String id) {
        return mongo.findById(id, ItemView.class, ItemsProjector.NAME);
    }

    @Test
    void aProposalsLifeIsRecordedWithItsHistoryAndRedeliveriesChangeNothing() {
        EventEnvelope drafted = envelope(
                "p1",
                0,
                new ProposalDrafted(
                        "p1",
                        "g1",
                        "t",
                        "Joint e-auction",
                        "Buy together",
                        ProposalForm.NEW_PARTNERSHIP,
                        "tom",
                        "E09000007",
                        T0));
        runner.apply(projector, drafted);
        runner.apply(projector, envelope("p1", 1, new ProposalOpenedForChallenge("p1", "tom", T0.plusSeconds(60))));
        runner.apply(
                projector, envelope("p1", 2, new ProposalEndorsed("p1", "priya", "E09000012", T0.plusSeconds(120))));
        runner.apply(
                projector,
                envelope(
                        "p1",
                        3,
                        new ProposalChallenged("p1", "c1", "mary", "E09000023", "Who owns it?", T0.plusSeconds(180))));
        runner.apply(
                projector, envelope("p1", 4, new EvidenceLinkedToProposal("p1", "e1", "tom", T0.plusSeconds(240))));
        runner.apply(projector, envelope("p1", 5, new ProposalEndorsedByGroup("p1", "amara", T0.plusSeconds(300))));
        runner.apply(
                projector,
                envelope(
                        "p1",
                        6,
                        new ProposalDecided(
                                "p1", ProposalOutcome.TAKEN_FORWARD, "Savings proven", "amara", T0.plusSeconds(360))));
        ItemView before = item("p1");

        assertThat(runner.apply(projector, drafted)).isEmpty();
        assertThat(runner.apply(
                        projector,
                        envelope("p1", 2, new ProposalEndorsed("p1", "priya", "E09000012", T0.plusSeconds(120)))))
                .isEmpty();

        ItemView after = item("p1");
        assertThat(after).isEqualTo(before);
        assertThat(after.type()).isEqualTo("proposal");
        assertThat(after.status()).isEqualTo("TAKEN_FORWARD");
        assertThat(after.statuses())
                .extracting(ItemView.StatusChange::status)
                .containsExactly("DRAFT", "OPEN_FOR_CHALLENGE", "ENDORSED", "TAKEN_FORWARD");
        assertThat(after.statuses().get(3).note()).isEqualTo("Savings proven");
        assertThat(after.endorsements()).extracting(ItemView.Reaction::memberId).containsExactly("priya");
        assertThat(after.challenges()).extracting(ItemView.Challenge::reason).containsExactly("Who owns it?");
        assertThat(after.links()).extracting(ItemView.Link::evidenceId).containsExactly("e1");
        assertThat(after.history())
                .extracting(ItemView.HistoryEntry::action)
                .containsExactly(
                        "drafted the proposal",
                        "opened it for challenge",
                        "endorsed",
                        "challenged",
                        "linked evidence",
                        "recorded the group's endorsement",
                        "decided to take it forward");
    }

    @Test
    void aProposalDraftedFromABoardSaysWhereItCameFrom() {
        runner.apply(
                projector,
                envelope(
                        "p9",
                        0,
                        new ProposalDrafted(
                                "p9",
                                "g1",
                                "behaviour-change",
                                "Shared services",
                                "- Pool temporary accommodation",
                                ProposalForm.NEW_PARTNERSHIP,
                                "fiona",
                                "london-councils",
                                T0)));
        runner.apply(
                projector,
                envelope("p9", 1, new ProposalDraftedFromBoard("p9", "r1", "s1", "k1", null, "g1", "fiona", T0)));

        ItemView drafted = item("p9");
        assertThat(drafted.origin()).isEqualTo(new ItemView.Origin("r1", "s1", "k1", null));
        assertThat(drafted.status()).isEqualTo("DRAFT");
        assertThat(drafted.history())
                .extracting(ItemView.HistoryEntry::action)
                // Both events carry the command's instant; entries at one instant are ordered by event id.
                .containsExactlyInAnyOrder("drafted the proposal", "drafted it from a retreat’s live board");
    }

    @Test
    void aCommentThatArrivesBeforeItsItemIsKept() {
        runner.apply(
                projector,
                envelope(
                        "c1",
                        0,
                        new CommentPosted(
                                "c1", "q1", "question", "g1", "Following", "priya", "E09000012", T0.plusSeconds(5))));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        0,
                        new QuestionPosted("q1", "g1", "t", "Who ran an e-auction?", "", "tom", "E09000007", T0)));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        1,
                        new QuestionAnswered("q1", "a1", "g1", "Hackney", "mary", "E09000023", T0.plusSeconds(10))));
        runner.apply(projector, envelope("q1", 2, new QuestionClosed("q1", "tom", T0.plusSeconds(20))));

        ItemView question = item("q1");
        assertThat(question.title()).isEqualTo("Who ran an e-auction?");
        assertThat(question.status()).isEqualTo("CLOSED");
        assertThat(question.comments()).extracting(ItemView.Comment::body).containsExactly("Following");
        assertThat(question.answers()).extracting(ItemView.Answer::body).containsExactly("Hackney");
        assertThat(question.history())
                .extracting(ItemView.HistoryEntry::action)
                .containsExactly("asked the question", "commented", "answered", "closed the question");
        assertThat(question.applied()).containsEntry("q1", 2L).containsEntry("c1", 0L);
    }

    @Test
    void evidenceKeepsEveryVersion() {
        runner.apply(
                projector,
                envelope(
                        "e1",
                        0,
                        new EvidenceSubmitted(
                                "e1",
                                "g1",
                                "t",
                                "Savings",
                                "£400,000 each",
                                "Report",
                                EvidenceKind.EVALUATION,
                                2,
                                "tom",
                                "E09000007",
                                T0)));
        runner.apply(
                projector,
                envelope(
                        "e1",
                        1,
                        new EvidenceRevised(
                                "e1",
                                "Savings",
                                "£400,000 each, audited",
                                "Accounts",
                                EvidenceKind.DATA,
                                3,
                                "tom",
                                T0.plusSeconds(86_400))));

        ItemView evidence = item("e1");
        assertThat(evidence.body()).isEqualTo("£400,000 each, audited");
        assertThat(evidence.form()).isEqualTo("DATA");
        assertThat(evidence.versions())
                .extracting(ItemView.EvidenceVersion::level)
                .containsExactly(2, 3);
    }

    @Test
    void aHiddenItemIsMarkedWithTheReasonUntilItIsRestored() {
        runner.apply(
                projector,
                envelope(
                        "q1",
                        0,
                        new QuestionPosted("q1", "g1", "t", "Who ran an e-auction?", "", "tom", "E09000007", T0)));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        1,
                        new ItemHidden("q1", "question", null, "g1", "Names a resident", "amara", T0.plusSeconds(60))));

        assertThat(item("q1").hidden()).isEqualTo(new ItemView.Hidden("amara", "Names a resident", T0.plusSeconds(60)));

        runner.apply(
                projector,
                envelope(
                        "q1",
                        2,
                        new ItemRestored("q1", "question", null, "g1", "Name removed", "sam", T0.plusSeconds(120))));

        ItemView question = item("q1");
        assertThat(question.hidden()).isNull();
        assertThat(question.history())
                .extracting(ItemView.HistoryEntry::action)
                .containsExactly("asked the question", "hid it", "restored it");
        assertThat(question.history())
                .extracting(ItemView.HistoryEntry::detail)
                .containsExactly("Who ran an e-auction?", "Names a resident", "Name removed");
    }

    @Test
    void aHiddenCommentIsMarkedOnItsItemsDocument() {
        runner.apply(
                projector,
                envelope(
                        "q1",
                        0,
                        new QuestionPosted("q1", "g1", "t", "Who ran an e-auction?", "", "tom", "E09000007", T0)));
        runner.apply(
                projector,
                envelope(
                        "c1",
                        0,
                        new CommentPosted(
                                "c1", "q1", "question", "g1", "Rude words", "priya", "E09000012", T0.plusSeconds(5))));
        runner.apply(
                projector,
                envelope(
                        "c2",
                        0,
                        new CommentPosted(
                                "c2", "q1", "question", "g1", "Following", "mary", "E09000023", T0.plusSeconds(6))));
        ItemHidden hidden = new ItemHidden("c1", "comment", "q1", "g1", "Rude", "amara", T0.plusSeconds(60));
        runner.apply(projector, envelope("c1", 1, hidden));

        ItemView question = item("q1");
        assertThat(question.hidden()).isNull();
        assertThat(question.comments())
                .extracting(ItemView.Comment::commentId, c -> c.hidden() == null)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1", false),
                        org.assertj.core.groups.Tuple.tuple("c2", true));
        assertThat(question.comments().get(0).hidden().reason()).isEqualTo("Rude");
        assertThat(runner.apply(projector, envelope("c1", 1, hidden)))
                .as("a redelivery changes nothing")
                .isEmpty();

        runner.apply(
                projector,
                envelope(
                        "c1",
                        2,
                        new ItemRestored("c1", "comment", "q1", "g1", "Apologised", "amara", T0.plusSeconds(90))));
        assertThat(item("q1").comments())
                .allSatisfy(comment -> assertThat(comment.hidden()).isNull());
    }

    @Test
    void aHiddenAnswerIsMarkedInPlaceAndTheQuestionAndOtherAnswersStay() {
        runner.apply(
                projector,
                envelope(
                        "q1",
                        0,
                        new QuestionPosted("q1", "g1", "t", "Who ran an e-auction?", "", "tom", "E09000007", T0)));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        1,
                        new QuestionAnswered(
                                "q1", "a1", "g1", "Ask Mrs Smith", "priya", "E09000012", T0.plusSeconds(5))));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        2,
                        new QuestionAnswered("q1", "a2", "g1", "Hackney did", "mary", "E09000023", T0.plusSeconds(6))));
        AnswerHidden hidden =
                new AnswerHidden("q1", "a1", "g1", "priya", "Names a resident", "amara", T0.plusSeconds(60));
        runner.apply(projector, envelope("q1", 3, hidden));

        ItemView question = item("q1");
        assertThat(question.hidden()).isNull();
        assertThat(question.status()).isEqualTo("OPEN");
        assertThat(question.answers())
                .extracting(ItemView.Answer::answerId, ItemView.Answer::body, a -> a.hidden() == null)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", "Ask Mrs Smith", false),
                        org.assertj.core.groups.Tuple.tuple("a2", "Hackney did", true));
        assertThat(question.answers().get(0).hidden().reason()).isEqualTo("Names a resident");
        assertThat(question.asReadersSeeIt().answers())
                .as("readers keep the answer's place but not its text")
                .extracting(ItemView.Answer::answerId, ItemView.Answer::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", ""),
                        org.assertj.core.groups.Tuple.tuple("a2", "Hackney did"));
        assertThat(question.asReadersSeeIt().answers().get(0).hidden())
                .as("nor the reason, which may repeat it")
                .isEqualTo(new ItemView.Hidden(null, null, T0.plusSeconds(60)));

        runner.apply(
                projector,
                envelope(
                        "q1",
                        4,
                        new AnswerRestored(
                                "q1", "a1", "g1", "priya", "A public officer", "amara", T0.plusSeconds(90))));
        assertThat(item("q1").answers())
                .allSatisfy(answer -> assertThat(answer.hidden()).isNull());
        assertThat(item("q1").asReadersSeeIt().answers().get(0).body()).isEqualTo("Ask Mrs Smith");
    }
}
