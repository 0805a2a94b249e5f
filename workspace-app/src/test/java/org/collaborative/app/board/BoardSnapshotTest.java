package org.collaborative.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.board.BoardCommands.CloseVoting;
import org.collaborative.app.board.BoardCommands.FormCluster;
import org.collaborative.app.board.BoardCommands.OpenBoard;
import org.collaborative.app.board.BoardCommands.OpenVoting;
import org.collaborative.app.board.BoardCommands.PlaceCard;
import org.collaborative.app.board.BoardCommands.PlaceDot;
import org.collaborative.app.board.BoardCommands.PostCard;
import org.collaborative.app.board.BoardCommands.TakeBackDot;
import org.collaborative.app.support.Snapshotting;
import org.collaborative.events.board.CardKind;
import org.collaborative.events.board.DotPlaced;
import org.collaborative.events.board.DotTakenBack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A busy board, snapshotted many times over (ADR 31), answers every command as the same board rebuilt from all its
 * events: its cards and clusters, where each card is, the vote's state and every person's dots come through its
 * snapshots.
 */
class BoardSnapshotTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final String S = "s1";

    /** Session s1 of retreat r1: Fiona facilitates, Tom and Priya take part. */
    private static final BoardAccess ACCESS = new BoardAccess() {
        @Override
        public Optional<String> retreatOfSession(String sessionId) {
            return sessionId.equals(S) ? Optional.of("r1") : Optional.empty();
        }

        @Override
        public boolean isParticipant(String retreatId, String memberId) {
            return Set.of("fiona", "tom", "priya").contains(memberId);
        }

        @Override
        public boolean isFacilitator(String retreatId, String memberId) {
            return memberId.equals("fiona");
        }

        @Override
        public boolean mayView(String retreatId, String memberId) {
            return isParticipant(retreatId, memberId);
        }
    };

    private final Snapshotting<Board> board = new Snapshotting<>(Board.class, ACCESS);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void everyRuleThatRestsOnEarlierEventsHoldsAfterLoadingFromASnapshot() {
        board.send(new OpenBoard(S, "fiona", AT));
        for (int i = 0; i < 12; i++) {
            board.send(new PostCard(S, "c" + i, CardKind.IDEA, "Idea " + i, i % 2 == 0 ? "tom" : "priya", AT));
        }
        board.send(new FormCluster(S, "k1", "Housing", "fiona", AT));
        board.send(new PlaceCard(S, "c1", "k1", "fiona", AT));
        board.send(new OpenVoting(S, 3, "fiona", AT));
        board.send(new PlaceDot(S, "c1", "tom", AT));
        board.send(new PlaceDot(S, "c1", "tom", AT));
        board.send(new PlaceDot(S, "c2", "tom", AT));
        board.send(new PlaceDot(S, "c3", "priya", AT));
        for (int i = 12; i < 24; i++) {
            board.send(new PostCard(S, "c" + i, CardKind.QUESTION, "Question " + i, "priya", AT));
        }
        assertThat(board.snapshotsStored()).isGreaterThanOrEqualTo(3);
        assertThat(board.snapshotJson(S)).contains("\"c11\"", "\"k1\"", "tom");

        // Each of these depends on an event from before the last snapshot.
        assertThat(board.send(new PlaceDot(S, "c5", "tom", AT)).refusal())
                .as("Tom has used his three dots")
                .contains("used all your 3 dots");
        assertThat(board.send(new TakeBackDot(S, "c2", "tom", AT)).events())
                .containsExactly(new DotTakenBack(S, "c2", "tom", AT));
        assertThat(board.send(new PlaceDot(S, "c5", "tom", AT)).events())
                .containsExactly(new DotPlaced(S, "c5", "tom", AT));
        assertThat(board.send(new TakeBackDot(S, "c1", "priya", AT)).refusal()).contains("no dot on that card");
        assertThat(board.send(new PlaceCard(S, "c1", "k1", "fiona", AT)).events())
                .as("placing a card where it is changes nothing")
                .isEmpty();
        assertThat(board.send(new PostCard(S, "c3", CardKind.IDEA, "Again", "tom", AT))
                        .events())
                .isEmpty();
        assertThat(board.send(new OpenVoting(S, 5, "fiona", AT)).refusal()).contains("already open");
        board.send(new CloseVoting(S, "fiona", AT));
        assertThat(board.send(new PlaceDot(S, "c7", "priya", AT)).refusal()).contains("Voting has closed");

        assertThat(board.snapshotsRead()).isPositive();
        assertThat(board.loadedFromSnapshot(S)).usingRecursiveComparison().isEqualTo(board.rebuiltFromEvents(S));
    }
}
