package org.collaborative.projections.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.collaborative.events.board.BoardClosed;
import org.collaborative.events.board.BoardOpened;
import org.collaborative.events.board.CardKind;
import org.collaborative.events.board.CardPlacedInCluster;
import org.collaborative.events.board.CardPosted;
import org.collaborative.events.board.ClusterFormed;
import org.collaborative.events.board.ClusterRenamed;
import org.collaborative.events.board.DotPlaced;
import org.collaborative.events.board.DotTakenBack;
import org.collaborative.events.board.ResultsRevealed;
import org.collaborative.events.board.VotingClosed;
import org.collaborative.events.board.VotingOpened;
import org.collaborative.events.proposal.ProposalDraftedFromBoard;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.ProjectionRunner;
import org.collaborative.views.board.BoardView;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class BoardProjectorTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final String S = "s1";
    private final BoardProjector projector = new BoardProjector();

    private BoardView project(Object... events) {
        BoardView board = projector.empty(S);
        for (int i = 0; i < events.length; i++) {
            board = projector.apply(board, envelope(S, i, events[i]));
        }
        return board;
    }

    @Test
    void keepsCardsOldestFirstWithTheirClusters() {
        BoardView board = project(
                new BoardOpened(S, "r1", "fiona", T0),
                new CardPosted(S, "c2", "r1", "tom", CardKind.QUESTION, "Who pays?", T0.plusSeconds(2)),
                new CardPosted(S, "c1", "r1", "priya", CardKind.IDEA, "Share a team", T0.plusSeconds(1)),
                new ClusterFormed(S, "k1", "Money", "fiona", T0),
                new ClusterRenamed(S, "k1", "Funding", "fiona", T0),
                new CardPlacedInCluster(S, "c2", "k1", "fiona", T0));

        assertThat(board.retreatId()).isEqualTo("r1");
        assertThat(board.cards()).extracting(BoardView.Card::cardId).containsExactly("c1", "c2");
        assertThat(board.clusters()).containsExactly(new BoardView.Cluster("k1", "Funding", T0));
        assertThat(board.cardsIn("k1")).extracting(BoardView.Card::text).containsExactly("Who pays?");
        assertThat(board.cardsIn(null)).extracting(BoardView.Card::kind).containsExactly("IDEA");

        board = projector.apply(board, envelope(S, 6, new CardPlacedInCluster(S, "c2", null, "fiona", T0)));
        assertThat(board.cardsIn(null)).hasSize(2);
    }

    @Test
    void countsEachPersonsDotsAndForgetsThoseTakenBack() {
        BoardView board = project(
                new BoardOpened(S, "r1", "fiona", T0),
                new CardPosted(S, "c1", "r1", "tom", CardKind.IDEA, "Share a team", T0),
                new VotingOpened(S, 3, "fiona", T0),
                new DotPlaced(S, "c1", "tom", T0),
                new DotPlaced(S, "c1", "tom", T0),
                new DotPlaced(S, "c1", "priya", T0),
                new DotTakenBack(S, "c1", "priya", T0));

        assertThat(board.votingOpen()).isTrue();
        assertThat(board.dotsPerPerson()).isEqualTo(3);
        assertThat(board.dotsOn("c1")).isEqualTo(2);
        assertThat(board.dotsOf("tom", "c1")).isEqualTo(2);
        assertThat(board.dotsUsedBy("priya")).isZero();
        assertThat(board.dots()).containsExactly(new BoardView.Dots("c1", "tom", 2));
        assertThat(board.revealed()).isFalse();
    }

    @Test
    void followsTheVoteToItsRevealAndTheBoardToItsClose() {
        BoardView board = project(
                new BoardOpened(S, "r1", "fiona", T0),
                new VotingOpened(S, 2, "fiona", T0),
                new VotingClosed(S, "fiona", T0),
                new ResultsRevealed(S, "fiona", T0),
                new BoardClosed(S, "fiona", T0));

        assertThat(board.votingClosed()).isTrue();
        assertThat(board.revealed()).isTrue();
        assertThat(board.closed()).isTrue();
    }

    /** The proposal's event, from another aggregate, keyed by the session: the cluster links to its draft, once. */
    @Test
    void aClusterThatBecameADraftProposalLinksToIt() {
        BoardView board = project(
                new BoardOpened(S, "r1", "fiona", T0),
                new ClusterFormed(S, "k1", "Money", "fiona", T0),
                new BoardClosed(S, "fiona", T0));
        ProposalDraftedFromBoard drafted = new ProposalDraftedFromBoard("p1", "r1", S, "k1", null, "g1", "fiona", T0);

        assertThat(projector.viewId(envelope("p1", 1, drafted))).contains(S);
        board = projector.apply(board, envelope("p1", 1, drafted));
        board = projector.apply(board, envelope("p1", 1, drafted));

        assertThat(board.drafts()).containsExactly(new BoardView.Draft("k1", "p1", "g1", T0));
        assertThat(board.draftFrom("k1")).map(BoardView.Draft::proposalId).contains("p1");
        assertThat(board.draftFrom("c1")).isEmpty();
        assertThat(board.closed()).isTrue();
        assertThat(board.clusters()).hasSize(1);

        ProposalDraftedFromBoard fromCard = new ProposalDraftedFromBoard("p2", "r1", S, null, "c1", "g1", "fiona", T0);
        assertThat(projector.apply(board, envelope("p2", 1, fromCard)).draftFrom("c1"))
                .map(BoardView.Draft::proposalId)
                .contains("p2");
    }

    @Test
    void aRedeliveredDotIsCountedOnceThroughTheRunner() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "collaborative");
            ProjectionRunner runner = new ProjectionRunner(mongo);
            List<EventEnvelope> events = List.of(
                    envelope(S, 0, new BoardOpened(S, "r1", "fiona", T0)),
                    envelope(S, 1, new CardPosted(S, "c1", "r1", "tom", CardKind.IDEA, "Share a team", T0)),
                    envelope(S, 2, new VotingOpened(S, 3, "fiona", T0)),
                    envelope(S, 3, new DotPlaced(S, "c1", "tom", T0)));
            events.forEach(event -> runner.apply(projector, event));
            assertThat(runner.apply(projector, events.get(3))).isEmpty();

            BoardView stored = mongo.findById(S, BoardView.class, BoardProjector.NAME);
            assertThat(stored.dotsOn("c1")).isEqualTo(1);
            assertThat(stored.cards()).hasSize(1);
        } finally {
            server.shutdownNow();
        }
    }
}
