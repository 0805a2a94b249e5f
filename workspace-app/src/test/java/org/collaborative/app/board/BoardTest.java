package org.collaborative.app.board;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.board.Board.BoardClosedException;
import org.collaborative.app.board.Board.NoDotsLeftException;
import org.collaborative.app.board.Board.NotAParticipantException;
import org.collaborative.app.board.Board.NotTheFacilitatorException;
import org.collaborative.app.board.Board.VotingClosedException;
import org.collaborative.app.board.Board.VotingNotOpenException;
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
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoardTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final String S = "s1";
    private static final String R = "r1";

    /** Session s1 of retreat r1: Fiona facilitates, Tom and Priya take part, Ben does not. */
    private static final BoardAccess ACCESS = new BoardAccess() {
        @Override
        public Optional<String> retreatOfSession(String sessionId) {
            return sessionId.equals(S) ? Optional.of(R) : Optional.empty();
        }

        @Override
        public boolean isParticipant(String retreatId, String memberId) {
            return retreatId.equals(R) && Set.of("fiona", "tom", "priya").contains(memberId);
        }

        @Override
        public boolean isFacilitator(String retreatId, String memberId) {
            return retreatId.equals(R) && memberId.equals("fiona");
        }

        @Override
        public boolean mayView(String retreatId, String memberId) {
            return isParticipant(retreatId, memberId);
        }
    };

    private AggregateTestFixture<Board> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Board.class);
        fixture.registerInjectableResource(ACCESS);
    }

    private static BoardOpened opened() {
        return new BoardOpened(S, R, "fiona", AT);
    }

    private static CardPosted card(String cardId, String author) {
        return new CardPosted(S, cardId, R, author, CardKind.IDEA, "Idea " + cardId, AT);
    }

    private static VotingOpened voting(int dots) {
        return new VotingOpened(S, dots, "fiona", AT);
    }

    @Test
    void theFacilitatorOpensTheSessionsBoard() {
        fixture.givenNoPriorActivity().when(new OpenBoard(S, "fiona", AT)).expectEvents(opened());
    }

    @Test
    void onlyAFacilitatorOpensABoard() {
        fixture.givenNoPriorActivity()
                .when(new OpenBoard(S, "tom", AT))
                .expectException(NotTheFacilitatorException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownSessionHasNoBoard() {
        fixture.givenNoPriorActivity()
                .when(new OpenBoard("nowhere", "fiona", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("There is no such session");
    }

    @Test
    void aParticipantPostsAnIdea() {
        fixture.given(opened())
                .when(new PostCard(S, "c1", CardKind.QUESTION, "  Who owns the data?  ", "tom", AT))
                .expectEvents(new CardPosted(S, "c1", R, "tom", CardKind.QUESTION, "Who owns the data?", AT));
    }

    @Test
    void theSameCardPostedTwiceIsPostedOnce() {
        fixture.given(opened(), card("c1", "tom"))
                .when(new PostCard(S, "c1", CardKind.IDEA, "Idea c1", "tom", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someoneNotTakingPartCannotPost() {
        fixture.given(opened())
                .when(new PostCard(S, "c1", CardKind.IDEA, "Sneaky", "ben", AT))
                .expectException(NotAParticipantException.class)
                .expectNoEvents();
    }

    @Test
    void cannotPostAnEmptyCard() {
        fixture.given(opened())
                .when(new PostCard(S, "c1", CardKind.IDEA, "   ", "tom", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a card")
                .expectNoEvents();
    }

    @Test
    void cannotPostACardLongerThan280Characters() {
        fixture.given(opened())
                .when(new PostCard(S, "c1", CardKind.IDEA, "x".repeat(281), "tom", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Card must be 280 characters or fewer")
                .expectNoEvents();
    }

    @Test
    void cannotPostACardWithoutAKind() {
        fixture.given(opened())
                .when(new PostCard(S, "c1", null, "An idea", "tom", AT))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aClosedBoardTakesNoCards() {
        fixture.given(opened(), new BoardClosed(S, "fiona", AT))
                .when(new PostCard(S, "c1", CardKind.IDEA, "Too late", "tom", AT))
                .expectException(BoardClosedException.class)
                .expectExceptionMessage("This board is closed, so it takes no more cards")
                .expectNoEvents();
    }

    @Test
    void theFacilitatorFormsRenamesAndFillsClusters() {
        fixture.given(opened(), card("c1", "tom"))
                .when(new FormCluster(S, "k1", " Housing ", "fiona", AT))
                .expectEvents(new ClusterFormed(S, "k1", "Housing", "fiona", AT));
        fixture.given(opened(), card("c1", "tom"), new ClusterFormed(S, "k1", "Housing", "fiona", AT))
                .when(new RenameCluster(S, "k1", "Temporary accommodation", "fiona", AT))
                .expectEvents(new ClusterRenamed(S, "k1", "Temporary accommodation", "fiona", AT));
        fixture.given(opened(), card("c1", "tom"), new ClusterFormed(S, "k1", "Housing", "fiona", AT))
                .when(new PlaceCard(S, "c1", "k1", "fiona", AT))
                .expectEvents(new CardPlacedInCluster(S, "c1", "k1", "fiona", AT));
    }

    @Test
    void aCardTakenOutOfItsClusterIsUnclustered() {
        fixture.given(
                        opened(),
                        card("c1", "tom"),
                        new ClusterFormed(S, "k1", "Housing", "fiona", AT),
                        new CardPlacedInCluster(S, "c1", "k1", "fiona", AT))
                .when(new PlaceCard(S, "c1", null, "fiona", AT))
                .expectEvents(new CardPlacedInCluster(S, "c1", null, "fiona", AT));
    }

    @Test
    void placingACardWhereItIsChangesNothing() {
        fixture.given(
                        opened(),
                        card("c1", "tom"),
                        new ClusterFormed(S, "k1", "Housing", "fiona", AT),
                        new CardPlacedInCluster(S, "c1", "k1", "fiona", AT))
                .when(new PlaceCard(S, "c1", "k1", "fiona", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheFacilitatorClustersCards() {
        fixture.given(opened(), card("c1", "tom"))
                .when(new FormCluster(S, "k1", "Housing", "tom", AT))
                .expectException(NotTheFacilitatorException.class);
        fixture.given(opened(), card("c1", "tom"), new ClusterFormed(S, "k1", "Housing", "fiona", AT))
                .when(new PlaceCard(S, "c1", "k1", "priya", AT))
                .expectException(NotTheFacilitatorException.class);
        fixture.given(opened(), new ClusterFormed(S, "k1", "Housing", "fiona", AT))
                .when(new RenameCluster(S, "k1", "Mine", "tom", AT))
                .expectException(NotTheFacilitatorException.class);
    }

    @Test
    void aCardGoesOnlyIntoAClusterOfTheBoard() {
        fixture.given(opened(), card("c1", "tom"))
                .when(new PlaceCard(S, "c1", "nope", "fiona", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("There is no such cluster on this board");
    }

    @Test
    void aClusterNeedsAName() {
        fixture.given(opened())
                .when(new FormCluster(S, "k1", " ", "fiona", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a cluster name");
    }

    @Test
    void theFacilitatorOpensVotingWithDotsPerPerson() {
        fixture.given(opened(), card("c1", "tom"))
                .when(new OpenVoting(S, 3, "fiona", AT))
                .expectEvents(voting(3));
    }

    @Test
    void votingNeedsBetweenOneAndTenDots() {
        fixture.given(opened())
                .when(new OpenVoting(S, 0, "fiona", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Give each person between 1 and 10 dots");
    }

    @Test
    void onlyTheFacilitatorOpensVoting() {
        fixture.given(opened()).when(new OpenVoting(S, 3, "tom", AT)).expectException(NotTheFacilitatorException.class);
    }

    @Test
    void votingOpensOnce() {
        fixture.given(opened(), voting(3), new VotingClosed(S, "fiona", AT))
                .when(new OpenVoting(S, 3, "fiona", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Voting on this board has already closed");
    }

    @Test
    void aParticipantPutsSeveralDotsOnOneCard() {
        fixture.given(opened(), card("c1", "tom"), voting(3), new DotPlaced(S, "c1", "priya", AT))
                .when(new PlaceDot(S, "c1", "priya", AT))
                .expectEvents(new DotPlaced(S, "c1", "priya", AT));
    }

    @Test
    void noOneVotesBeyondTheirDots() {
        fixture.given(
                        opened(),
                        card("c1", "tom"),
                        card("c2", "tom"),
                        voting(2),
                        new DotPlaced(S, "c1", "priya", AT),
                        new DotPlaced(S, "c2", "priya", AT))
                .when(new PlaceDot(S, "c1", "priya", AT))
                .expectException(NoDotsLeftException.class)
                .expectExceptionMessage("You have used all your 2 dots. Take one back to vote for another card")
                .expectNoEvents();
    }

    @Test
    void eachPersonHasTheirOwnDots() {
        fixture.given(opened(), card("c1", "tom"), voting(1), new DotPlaced(S, "c1", "priya", AT))
                .when(new PlaceDot(S, "c1", "tom", AT))
                .expectEvents(new DotPlaced(S, "c1", "tom", AT));
    }

    @Test
    void aDotTakenBackCanBePlacedAgain() {
        fixture.given(
                        opened(),
                        card("c1", "tom"),
                        card("c2", "tom"),
                        voting(1),
                        new DotPlaced(S, "c1", "priya", AT),
                        new DotTakenBack(S, "c1", "priya", AT))
                .when(new PlaceDot(S, "c2", "priya", AT))
                .expectEvents(new DotPlaced(S, "c2", "priya", AT));
    }

    @Test
    void aParticipantTakesBackOneOfTheirDots() {
        fixture.given(opened(), card("c1", "tom"), voting(3), new DotPlaced(S, "c1", "priya", AT))
                .when(new TakeBackDot(S, "c1", "priya", AT))
                .expectEvents(new DotTakenBack(S, "c1", "priya", AT));
    }

    @Test
    void noOneTakesBackADotTheyDidNotPlace() {
        fixture.given(opened(), card("c1", "tom"), voting(3), new DotPlaced(S, "c1", "priya", AT))
                .when(new TakeBackDot(S, "c1", "tom", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You have no dot on that card to take back");
    }

    @Test
    void noDotsBeforeVotingOpens() {
        fixture.given(opened(), card("c1", "tom"))
                .when(new PlaceDot(S, "c1", "priya", AT))
                .expectException(VotingNotOpenException.class)
                .expectNoEvents();
    }

    @Test
    void noVoteAfterVotingClosed() {
        fixture.given(opened(), card("c1", "tom"), voting(3), new VotingClosed(S, "fiona", AT))
                .when(new PlaceDot(S, "c1", "priya", AT))
                .expectException(VotingClosedException.class)
                .expectExceptionMessage("Voting has closed, so dots can no longer be placed or taken back")
                .expectNoEvents();
    }

    @Test
    void noDotTakenBackAfterVotingClosed() {
        fixture.given(
                        opened(),
                        card("c1", "tom"),
                        voting(3),
                        new DotPlaced(S, "c1", "priya", AT),
                        new VotingClosed(S, "fiona", AT))
                .when(new TakeBackDot(S, "c1", "priya", AT))
                .expectException(VotingClosedException.class)
                .expectNoEvents();
    }

    @Test
    void someoneNotTakingPartCannotVote() {
        fixture.given(opened(), card("c1", "tom"), voting(3))
                .when(new PlaceDot(S, "c1", "ben", AT))
                .expectException(NotAParticipantException.class);
    }

    @Test
    void aDotGoesOnlyOnACardOfTheBoard() {
        fixture.given(opened(), voting(3))
                .when(new PlaceDot(S, "nope", "priya", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("There is no such card on this board");
    }

    @Test
    void theFacilitatorClosesVotingAndRevealsTheResults() {
        fixture.given(opened(), voting(3))
                .when(new CloseVoting(S, "fiona", AT))
                .expectEvents(new VotingClosed(S, "fiona", AT));
        fixture.given(opened(), voting(3), new VotingClosed(S, "fiona", AT))
                .when(new RevealResults(S, "fiona", AT))
                .expectEvents(new ResultsRevealed(S, "fiona", AT));
    }

    @Test
    void resultsAreRevealedOnlyOnceVotingHasClosed() {
        fixture.given(opened(), voting(3))
                .when(new RevealResults(S, "fiona", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Close the vote before revealing its results");
    }

    @Test
    void onlyTheFacilitatorClosesVotingRevealsAndClosesTheBoard() {
        fixture.given(opened(), voting(3))
                .when(new CloseVoting(S, "tom", AT))
                .expectException(NotTheFacilitatorException.class);
        fixture.given(opened(), voting(3), new VotingClosed(S, "fiona", AT))
                .when(new RevealResults(S, "priya", AT))
                .expectException(NotTheFacilitatorException.class);
        fixture.given(opened()).when(new CloseBoard(S, "tom", AT)).expectException(NotTheFacilitatorException.class);
    }

    @Test
    void theFacilitatorClosesTheBoardOnce() {
        fixture.given(opened()).when(new CloseBoard(S, "fiona", AT)).expectEvents(new BoardClosed(S, "fiona", AT));
        fixture.given(opened(), new BoardClosed(S, "fiona", AT))
                .when(new CloseBoard(S, "fiona", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedBoardTakesNoClustersAndNoVotes() {
        fixture.given(opened(), card("c1", "tom"), new BoardClosed(S, "fiona", AT))
                .when(new FormCluster(S, "k1", "Housing", "fiona", AT))
                .expectException(BoardClosedException.class);
        fixture.given(opened(), card("c1", "tom"), voting(3), new BoardClosed(S, "fiona", AT))
                .when(new PlaceDot(S, "c1", "priya", AT))
                .expectException(BoardClosedException.class);
    }
}
