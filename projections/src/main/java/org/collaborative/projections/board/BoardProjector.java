package org.collaborative.projections.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.collaborative.events.board.BoardClosed;
import org.collaborative.events.board.BoardOpened;
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
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.board.BoardView;
import org.collaborative.views.board.BoardView.Card;
import org.collaborative.views.board.BoardView.Cluster;
import org.collaborative.views.board.BoardView.Dots;
import org.collaborative.views.board.BoardView.Draft;
import org.springframework.stereotype.Component;

/**
 * Each retreat session's live board. Every event is the board's own (one aggregate, one partition, in order), but for
 * {@link ProposalDraftedFromBoard}, a proposal's event naming the session it came from; a redelivered one is skipped
 * by its (per aggregate) sequence number; the changes are also idempotent on their own (a card or cluster
 * is added once, a placement sets the cluster), except the dot counts, which rely on the sequence check.
 */
@Component
public class BoardProjector extends DeclaredProjector<BoardView> {

    public static final String NAME = BoardView.COLLECTION;

    public BoardProjector() {
        super(NAME, BoardView.class, HANDLERS);
    }

    private static final EventHandlers<BoardView> HANDLERS = new EventHandlers<BoardView>()
            .onAggregate(
                    BoardOpened.class,
                    (board, opened, envelope) -> board.opened(opened.retreatId(), opened.openedBy(), opened.at()))
            .onAggregate(CardPosted.class, (board, posted, envelope) -> {
                if (board.hasCard(posted.cardId())) {
                    return board;
                }
                List<Card> cards = new ArrayList<>(board.cards());
                cards.add(new Card(
                        posted.cardId(), posted.authorId(), posted.kind().name(), posted.text(), posted.at(), null));
                cards.sort(Comparator.comparing(Card::postedAt).thenComparing(Card::cardId));
                return board.withCards(cards);
            })
            .onAggregate(ClusterFormed.class, (board, formed, envelope) -> {
                if (board.hasCluster(formed.clusterId())) {
                    return board;
                }
                List<Cluster> clusters = new ArrayList<>(board.clusters());
                clusters.add(new Cluster(formed.clusterId(), formed.name(), formed.at()));
                return board.withClusters(clusters);
            })
            .onAggregate(
                    ClusterRenamed.class,
                    (board, renamed, envelope) -> board.withClusters(board.clusters().stream()
                            .map(c -> c.clusterId().equals(renamed.clusterId())
                                    ? new Cluster(c.clusterId(), renamed.name(), c.formedAt())
                                    : c)
                            .toList()))
            .onAggregate(
                    CardPlacedInCluster.class,
                    (board, placed, envelope) -> board.withCards(board.cards().stream()
                            .map(c -> c.cardId().equals(placed.cardId())
                                    ? new Card(
                                            c.cardId(),
                                            c.authorId(),
                                            c.kind(),
                                            c.text(),
                                            c.postedAt(),
                                            placed.clusterId())
                                    : c)
                            .toList()))
            .onAggregate(
                    VotingOpened.class,
                    (board, opened, envelope) ->
                            board.withVoting(BoardView.OPEN, opened.dotsPerPerson(), board.revealed()))
            .onAggregate(
                    VotingClosed.class,
                    (board, closed, envelope) ->
                            board.withVoting(BoardView.CLOSED, board.dotsPerPerson(), board.revealed()))
            .onAggregate(
                    ResultsRevealed.class,
                    (board, revealed, envelope) -> board.withVoting(board.voting(), board.dotsPerPerson(), true))
            .onAggregate(
                    DotPlaced.class,
                    (board, placed, envelope) ->
                            withDots(board, placed.cardId(), placed.memberId(), count -> count + 1))
            .onAggregate(
                    DotTakenBack.class,
                    (board, taken, envelope) ->
                            withDots(board, taken.cardId(), taken.memberId(), count -> Math.max(0, count - 1)))
            .onAggregate(BoardClosed.class, (board, closed, envelope) -> board.asClosed())
            // The proposal's event, keyed by the session it came from: the cluster (or card) shows the draft it became.
            .on(ProposalDraftedFromBoard.class, ProposalDraftedFromBoard::sessionId, (board, drafted, envelope) -> {
                String partId = drafted.clusterId() != null ? drafted.clusterId() : drafted.cardId();
                if (board.draftFrom(partId).isPresent()) {
                    return board;
                }
                List<Draft> drafts = new ArrayList<>(board.drafts());
                drafts.add(new Draft(partId, drafted.proposalId(), drafted.groupId(), drafted.at()));
                return board.withDrafts(drafts);
            });

    @Override
    public BoardView empty(String id) {
        return BoardView.empty(id);
    }

    /** The member's count on the card changed; an entry that falls to zero is removed. */
    private static BoardView withDots(BoardView b, String cardId, String memberId, UnaryOperator<Integer> change) {
        List<Dots> dots = new ArrayList<>();
        boolean found = false;
        for (Dots d : b.dots()) {
            if (d.cardId().equals(cardId) && d.memberId().equals(memberId)) {
                found = true;
                int count = change.apply(d.count());
                if (count > 0) {
                    dots.add(new Dots(cardId, memberId, count));
                }
            } else {
                dots.add(d);
            }
        }
        if (!found) {
            int count = change.apply(0);
            if (count > 0) {
                dots.add(new Dots(cardId, memberId, count));
            }
        }
        return b.withDots(dots);
    }
}
