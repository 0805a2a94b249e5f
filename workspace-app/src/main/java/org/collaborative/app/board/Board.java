package org.collaborative.app.board;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.board.BoardCommands.CloseBoard;
import org.collaborative.app.board.BoardCommands.CloseVoting;
import org.collaborative.app.board.BoardCommands.FormCluster;
import org.collaborative.app.board.BoardCommands.OpenBoard;
import org.collaborative.app.board.BoardCommands.OpenVoting;
import org.collaborative.app.board.BoardCommands.PlaceCard;
import org.collaborative.app.board.BoardCommands.PlaceDot;
import org.collaborative.app.board.BoardCommands.PostCard;
import org.collaborative.app.board.BoardCommands.RenameCluster;
import org.collaborative.app.board.BoardCommands.RevealResults;
import org.collaborative.app.board.BoardCommands.TakeBackDot;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
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

/**
 * The live board of one retreat session (id = the session's id). Participants post ideas and questions; the
 * session's facilitator groups them into named clusters, runs one round of dot-voting (each person has N dots, may
 * put several on one card and take them back until voting closes) and reveals the result; closing the board makes it
 * read-only. Who is a participant or a facilitator is asked of {@link BoardAccess} each time, so a person who gives up
 * their place stops being able to post.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class Board {

    public static final int MAX_CARD = 280;
    public static final int MAX_CLUSTER_NAME = 80;
    public static final int MAX_DOTS = 10;

    @AggregateIdentifier
    private String sessionId;

    private String retreatId;
    private boolean closed;
    private final Set<String> cards = new HashSet<>();
    private final Set<String> clusters = new HashSet<>();
    private final Map<String, String> clusterOfCard = new HashMap<>();
    private int dotsPerPerson;
    private boolean votingOpened;
    private boolean votingClosed;
    private boolean revealed;
    /** Per member, their dots on each card. */
    private final Map<String, Map<String, Integer>> dots = new HashMap<>();

    protected Board() {}

    @CommandHandler
    public Board(OpenBoard command, BoardAccess access) {
        String retreat = access.retreatOfSession(command.sessionId())
                .orElseThrow(() -> new RuleBrokenException("There is no such session"));
        requireFacilitator(access, retreat, command.by(), "open its board");
        apply(new BoardOpened(command.sessionId(), retreat, command.by(), command.at()));
    }

    /** The same card id twice (a resubmitted form) posts it once. */
    @CommandHandler
    void handle(PostCard command, BoardAccess access) {
        if (cards.contains(command.cardId())) {
            return;
        }
        DomainRules.require("kind", command.kind());
        DomainRules.requireText("card", command.text(), MAX_CARD);
        requireParticipant(access, command.by(), "post to its board");
        requireOpen("it takes no more cards");
        apply(new CardPosted(
                sessionId,
                command.cardId(),
                retreatId,
                command.by(),
                command.kind(),
                command.text().strip(),
                command.at()));
    }

    /** The same cluster id twice forms it once. */
    @CommandHandler
    void handle(FormCluster command, BoardAccess access) {
        if (clusters.contains(command.clusterId())) {
            return;
        }
        DomainRules.requireText("cluster name", command.name(), MAX_CLUSTER_NAME);
        requireFacilitator(access, retreatId, command.by(), "form clusters");
        requireOpen("its clusters cannot change");
        apply(new ClusterFormed(sessionId, command.clusterId(), command.name().strip(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(RenameCluster command, BoardAccess access) {
        DomainRules.requireText("cluster name", command.name(), MAX_CLUSTER_NAME);
        requireFacilitator(access, retreatId, command.by(), "rename clusters");
        requireOpen("its clusters cannot change");
        requireCluster(command.clusterId());
        apply(new ClusterRenamed(sessionId, command.clusterId(), command.name().strip(), command.by(), command.at()));
    }

    /** Placing a card where it already is changes nothing. */
    @CommandHandler
    void handle(PlaceCard command, BoardAccess access) {
        requireFacilitator(access, retreatId, command.by(), "move cards between clusters");
        requireOpen("its clusters cannot change");
        requireCard(command.cardId());
        if (command.clusterId() != null) {
            requireCluster(command.clusterId());
        }
        if (java.util.Objects.equals(clusterOfCard.get(command.cardId()), command.clusterId())) {
            return;
        }
        apply(new CardPlacedInCluster(sessionId, command.cardId(), command.clusterId(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(OpenVoting command, BoardAccess access) {
        requireFacilitator(access, retreatId, command.by(), "open the vote");
        requireOpen("it cannot be voted on");
        if (command.dotsPerPerson() < 1 || command.dotsPerPerson() > MAX_DOTS) {
            throw new InvalidInputException("dots per person", "Give each person between 1 and " + MAX_DOTS + " dots");
        }
        if (votingOpened) {
            throw new RuleBrokenException(
                    votingClosed ? "Voting on this board has already closed" : "Voting is already open");
        }
        apply(new VotingOpened(sessionId, command.dotsPerPerson(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(PlaceDot command, BoardAccess access) {
        requireParticipant(access, command.by(), "vote on its cards");
        requireVotingOpen();
        requireCard(command.cardId());
        if (dotsUsedBy(command.by()) >= dotsPerPerson) {
            throw new NoDotsLeftException(dotsPerPerson);
        }
        apply(new DotPlaced(sessionId, command.cardId(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(TakeBackDot command, BoardAccess access) {
        requireParticipant(access, command.by(), "vote on its cards");
        requireVotingOpen();
        if (dots.getOrDefault(command.by(), Map.of()).getOrDefault(command.cardId(), 0) == 0) {
            throw new RuleBrokenException("You have no dot on that card to take back");
        }
        apply(new DotTakenBack(sessionId, command.cardId(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(CloseVoting command, BoardAccess access) {
        requireFacilitator(access, retreatId, command.by(), "close the vote");
        if (!votingOpened) {
            throw new RuleBrokenException("Voting has not been opened on this board");
        }
        if (!votingClosed) {
            apply(new VotingClosed(sessionId, command.by(), command.at()));
        }
    }

    @CommandHandler
    void handle(RevealResults command, BoardAccess access) {
        requireFacilitator(access, retreatId, command.by(), "reveal the results");
        if (!votingClosed) {
            throw new RuleBrokenException("Close the vote before revealing its results");
        }
        if (!revealed) {
            apply(new ResultsRevealed(sessionId, command.by(), command.at()));
        }
    }

    @CommandHandler
    void handle(CloseBoard command, BoardAccess access) {
        requireFacilitator(access, retreatId, command.by(), "close its board");
        if (!closed) {
            apply(new BoardClosed(sessionId, command.by(), command.at()));
        }
    }

    private int dotsUsedBy(String memberId) {
        return dots.getOrDefault(memberId, Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    private void requireOpen(String consequence) {
        if (closed) {
            throw new BoardClosedException(consequence);
        }
    }

    private void requireVotingOpen() {
        requireOpen("it cannot be voted on");
        if (!votingOpened) {
            throw new VotingNotOpenException();
        }
        if (votingClosed) {
            throw new VotingClosedException();
        }
    }

    private void requireCard(String cardId) {
        if (cardId == null || !cards.contains(cardId)) {
            throw new RuleBrokenException("There is no such card on this board");
        }
    }

    private void requireCluster(String clusterId) {
        if (clusterId == null || !clusters.contains(clusterId)) {
            throw new RuleBrokenException("There is no such cluster on this board");
        }
    }

    private void requireParticipant(BoardAccess access, String memberId, String doing) {
        if (!access.isParticipant(retreatId, memberId)) {
            throw new NotAParticipantException(doing);
        }
    }

    private static void requireFacilitator(BoardAccess access, String retreatId, String memberId, String doing) {
        if (!access.isFacilitator(retreatId, memberId)) {
            throw new NotTheFacilitatorException(doing);
        }
    }

    @EventSourcingHandler
    void on(BoardOpened event) {
        sessionId = event.sessionId();
        retreatId = event.retreatId();
    }

    @EventSourcingHandler
    void on(CardPosted event) {
        cards.add(event.cardId());
    }

    @EventSourcingHandler
    void on(ClusterFormed event) {
        clusters.add(event.clusterId());
    }

    @EventSourcingHandler
    void on(CardPlacedInCluster event) {
        if (event.clusterId() == null) {
            clusterOfCard.remove(event.cardId());
        } else {
            clusterOfCard.put(event.cardId(), event.clusterId());
        }
    }

    @EventSourcingHandler
    void on(VotingOpened event) {
        votingOpened = true;
        dotsPerPerson = event.dotsPerPerson();
    }

    @EventSourcingHandler
    void on(DotPlaced event) {
        dots.computeIfAbsent(event.memberId(), m -> new HashMap<>()).merge(event.cardId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(DotTakenBack event) {
        dots.computeIfAbsent(event.memberId(), m -> new HashMap<>())
                .computeIfPresent(event.cardId(), (card, count) -> count > 1 ? count - 1 : null);
    }

    @EventSourcingHandler
    void on(VotingClosed event) {
        votingClosed = true;
    }

    @EventSourcingHandler
    void on(ResultsRevealed event) {
        revealed = true;
    }

    @EventSourcingHandler
    void on(BoardClosed event) {
        closed = true;
    }

    /** The board is closed: read-only from now on. */
    public static class BoardClosedException extends RuleBrokenException {
        public BoardClosedException(String consequence) {
            super("This board is closed, so " + consequence);
        }
    }

    public static class VotingNotOpenException extends RuleBrokenException {
        public VotingNotOpenException() {
            super("Voting has not opened yet on this board");
        }
    }

    public static class VotingClosedException extends RuleBrokenException {
        public VotingClosedException() {
            super("Voting has closed, so dots can no longer be placed or taken back");
        }
    }

    public static class NoDotsLeftException extends RuleBrokenException {
        public NoDotsLeftException(int dotsPerPerson) {
            super("You have used all your " + dotsPerPerson + " dots. Take one back to vote for another card");
        }
    }

    public static class NotAParticipantException extends RuleBrokenException {
        public NotAParticipantException(String doing) {
            super("Only people taking part in this retreat can " + doing);
        }
    }

    public static class NotTheFacilitatorException extends RuleBrokenException {
        public NotTheFacilitatorException(String doing) {
            super("Only a facilitator of this retreat can " + doing);
        }
    }
}
