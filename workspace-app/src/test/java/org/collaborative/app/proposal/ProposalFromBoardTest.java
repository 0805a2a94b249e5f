package org.collaborative.app.proposal;

import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.support.Directories;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalDraftedFromBoard;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.proposal.ProposalOpenedForChallenge;
import org.junit.jupiter.api.Test;

/** A retreat's facilitator drafts a proposal from a cluster or a card of a session's live board. */
class ProposalFromBoardTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    /** Facilitates retreat r1 (theme "behaviour-change") and r2 (another theme); not a member of group g1. */
    private static final Actor FRAN = new Actor("fran", "london-councils", MemberRole.FACILITATOR);

    private static final String FROM_CLUSTER = DraftProposalFromBoard.idFor("s1", "k1");
    private static final String FROM_CARD = DraftProposalFromBoard.idFor("s1", "c1");

    /** Session s1 of retreat r1 has cluster k1 and card c1; session s2 belongs to r2, on another theme. */
    private static final BoardOrigins BOARDS = new BoardOrigins() {
        private final Map<String, String> retreats = Map.of("s1", "r1", "s2", "r2");

        @Override
        public Optional<String> retreatOfSession(String sessionId) {
            return Optional.ofNullable(retreats.get(sessionId));
        }

        @Override
        public boolean isFacilitator(String retreatId, String memberId) {
            return memberId.equals("fran");
        }

        @Override
        public Set<String> themesOf(String retreatId) {
            return retreatId.equals("r1") ? Set.of(THEME) : Set.of("guns-and-gangs");
        }

        @Override
        public boolean hasCluster(String sessionId, String clusterId) {
            return retreats.containsKey(sessionId) && clusterId.equals("k1");
        }

        @Override
        public boolean hasCard(String sessionId, String cardId) {
            return retreats.containsKey(sessionId) && cardId.equals("c1");
        }
    };

    private AggregateTestFixture<Proposal> fixture(Directories directories) {
        AggregateTestFixture<Proposal> fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(directories);
        fixture.registerInjectableResource(BOARDS);
        return fixture;
    }

    private AggregateTestFixture<Proposal> fixture() {
        return fixture(new Directories());
    }

    private static DraftProposalFromBoard fromCluster(String sessionId, String groupId, Actor actor) {
        return new DraftProposalFromBoard(
                DraftProposalFromBoard.idFor(sessionId, "k1"),
                sessionId,
                "k1",
                null,
                groupId,
                " Shared services ",
                "- Pool temporary accommodation\n- Share legal teams",
                ProposalForm.NEW_PARTNERSHIP,
                actor,
                AT);
    }

    @Test
    void aFacilitatorDraftsAProposalFromAClusterInAGroupOfTheRetreatsThemes() {
        fixture()
                .givenNoPriorActivity()
                .when(fromCluster("s1", "g1", FRAN))
                .expectEvents(
                        new ProposalDrafted(
                                FROM_CLUSTER,
                                "g1",
                                THEME,
                                "Shared services",
                                "- Pool temporary accommodation\n- Share legal teams",
                                ProposalForm.NEW_PARTNERSHIP,
                                "fran",
                                "london-councils",
                                AT),
                        new ProposalDraftedFromBoard(FROM_CLUSTER, "r1", "s1", "k1", null, "g1", "fran", AT));
    }

    @Test
    void aFacilitatorDraftsAProposalFromASingleCard() {
        fixture()
                .givenNoPriorActivity()
                .when(new DraftProposalFromBoard(
                        FROM_CARD,
                        "s1",
                        null,
                        "c1",
                        "g1",
                        "Pool temporary accommodation",
                        "Pool temporary accommodation",
                        ProposalForm.PROCESS_IMPROVEMENT,
                        FRAN,
                        AT))
                .expectEvents(
                        new ProposalDrafted(
                                FROM_CARD,
                                "g1",
                                THEME,
                                "Pool temporary accommodation",
                                "Pool temporary accommodation",
                                ProposalForm.PROCESS_IMPROVEMENT,
                                "fran",
                                "london-councils",
                                AT),
                        new ProposalDraftedFromBoard(FROM_CARD, "r1", "s1", null, "c1", "g1", "fran", AT));
    }

    @Test
    void theFacilitatorWhoDraftedItOpensItForChallenge() {
        fixture()
                .given(
                        new ProposalDrafted(
                                FROM_CLUSTER, "g1", THEME, "t", "s", ProposalForm.NEW_PARTNERSHIP, "fran", "lc", AT),
                        new ProposalDraftedFromBoard(FROM_CLUSTER, "r1", "s1", "k1", null, "g1", "fran", AT))
                .when(new OpenProposalForChallenge(FROM_CLUSTER, FRAN, AT))
                .expectEvents(new ProposalOpenedForChallenge(FROM_CLUSTER, "fran", AT));
    }

    @Test
    void onlyAFacilitatorOfTheRetreatCanDraftFromItsBoard() {
        fixture()
                .givenNoPriorActivity()
                .when(fromCluster("s1", "g1", TOM))
                .expectException(NotTheRetreatsFacilitatorException.class)
                .expectExceptionMessage("Only a facilitator of this retreat can draft a proposal from its board");
    }

    @Test
    void cannotDraftFromAClusterThatIsNotOnTheBoard() {
        fixture()
                .givenNoPriorActivity()
                .when(new DraftProposalFromBoard(
                        DraftProposalFromBoard.idFor("s1", "gone"),
                        "s1",
                        "gone",
                        null,
                        "g1",
                        "Shared services",
                        "Cards",
                        ProposalForm.NEW_PARTNERSHIP,
                        FRAN,
                        AT))
                .expectException(Proposal.NotOnTheBoardException.class)
                .expectExceptionMessage(
                        "That cluster is no longer on the board, so no proposal can be drafted from it");
    }

    @Test
    void cannotDraftFromTheBoardOfADroppedSession() {
        fixture()
                .givenNoPriorActivity()
                .when(fromCluster("dropped", "g1", FRAN))
                .expectException(Proposal.NotOnTheBoardException.class);
    }

    @Test
    void cannotDraftInAnArchivedGroup() {
        fixture(new Directories().withArchivedGroup())
                .givenNoPriorActivity()
                .when(fromCluster("s1", "g1", FRAN))
                .expectException(GroupRules.GroupArchivedException.class)
                .expectExceptionMessage("This group is archived, so you cannot make a proposal to it");
    }

    @Test
    void theGroupMustBeOfOneOfTheRetreatsThemes() {
        fixture()
                .givenNoPriorActivity()
                .when(fromCluster("s2", "g1", FRAN))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose a working group of one of the retreat’s themes");
    }

    @Test
    void theGroupIsRequiredAndMustExist() {
        fixture()
                .givenNoPriorActivity()
                .when(fromCluster("s1", "", FRAN))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose the working group the proposal is for");
        fixture()
                .givenNoPriorActivity()
                .when(fromCluster("s1", "no-such-group", FRAN))
                .expectException(GroupRules.UnknownGroupException.class);
    }

    @Test
    void theTitleAndSummaryAreCheckedAgainstTheProposalsLimits() {
        fixture()
                .givenNoPriorActivity()
                .when(new DraftProposalFromBoard(
                        FROM_CLUSTER,
                        "s1",
                        "k1",
                        null,
                        "g1",
                        "x".repeat(Proposal.MAX_TITLE + 1),
                        "Cards",
                        ProposalForm.NEW_PARTNERSHIP,
                        FRAN,
                        AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Title must be " + Proposal.MAX_TITLE + " characters or fewer");
    }

    /** The id is made from the board and the cluster: another id would let the same cluster become two proposals. */
    @Test
    void theIdMustBeTheOneMadeFromTheBoardAndTheCluster() {
        fixture()
                .givenNoPriorActivity()
                .when(new DraftProposalFromBoard(
                        "p-random",
                        "s1",
                        "k1",
                        null,
                        "g1",
                        "Shared services",
                        "Cards",
                        ProposalForm.NEW_PARTNERSHIP,
                        FRAN,
                        AT))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void theIdIsTheSameForTheSameClusterAndDiffersBetweenClustersAndBoards() {
        org.junit.jupiter.api.Assertions.assertEquals(
                DraftProposalFromBoard.idFor("s1", "k1"), DraftProposalFromBoard.idFor("s1", "k1"));
        org.junit.jupiter.api.Assertions.assertNotEquals(
                DraftProposalFromBoard.idFor("s1", "k1"), DraftProposalFromBoard.idFor("s1", "k2"));
        org.junit.jupiter.api.Assertions.assertNotEquals(
                DraftProposalFromBoard.idFor("s1", "k1"), DraftProposalFromBoard.idFor("s2", "k1"));
    }
}
