package org.collaborative.app.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.practice.PracticesInMemory;
import org.collaborative.app.support.Directories;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.retreat.ActionAgreed;
import org.collaborative.events.retreat.CheckInDue;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.events.retreat.PledgeFulfilledByAdoption;
import org.collaborative.events.retreat.PledgeMade;
import org.collaborative.events.retreat.ProgressRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitmentTest {

    /** The retreat ended on Friday 6 November 2026; the action is agreed on that day. */
    private static final LocalDate ENDS_ON = LocalDate.of(2026, 11, 6);

    private static final Instant AT = Instant.parse("2026-11-06T15:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2027, 3, 31);

    private static final ActionAgreed AGREED = new ActionAgreed(
            "r1",
            "a1",
            "s1",
            "c1",
            null,
            "Draft a joint e-auction",
            "tom",
            "E09000007",
            DUE,
            "g1",
            "p1",
            ENDS_ON,
            "amara",
            AT);
    private static final PledgeMade PLEDGED = new PledgeMade(
            "r1",
            "pl1",
            "s1",
            null,
            "k1",
            "Hackney will pilot the e-auction by March",
            "E09000012",
            "priya",
            DUE,
            "g1",
            null,
            ENDS_ON,
            AT);

    private AggregateTestFixture<Commitment> fixture;

    /** The retreat r1 ends on ENDS_ON; amara facilitates it; tom and priya took part; ben did not. */
    static final class Retreats implements RetreatCalendar {
        @Override
        public Optional<LocalDate> endsOn(String retreatId) {
            return "r1".equals(retreatId) ? Optional.of(ENDS_ON) : Optional.empty();
        }

        @Override
        public boolean isFacilitator(String retreatId, String memberId) {
            return "r1".equals(retreatId) && "amara".equals(memberId);
        }

        @Override
        public boolean isParticipant(String retreatId, String memberId) {
            return "r1".equals(retreatId)
                    && java.util.Set.of("amara", "tom", "priya").contains(memberId);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(new Retreats());
        fixture.registerInjectableResource(new PracticesInMemory()
                .adoption("pr1", "E09000012", AdoptionStage.PILOTING)
                .adoption("pr2", "E09000012", AdoptionStage.DECLINED)
                .adoption("pr1", "E09000007", AdoptionStage.PILOTING));
        fixture.registerInjectableResource(new Directories()
                .withItem("p1", ItemType.PROPOSAL, THEME, "tom")
                .withItem("e1", ItemType.EVIDENCE, THEME, "tom"));
    }

    private static AgreeAction agree(String ownerId, String ownerOrganisationId, LocalDate dueOn, String proposalId) {
        return new AgreeAction(
                "a1",
                "r1",
                "s1",
                "c1",
                null,
                "Draft a joint e-auction",
                ownerId,
                ownerOrganisationId,
                dueOn,
                "g1",
                proposalId,
                AMARA,
                AT);
    }

    @Test
    void aFacilitatorAgreesAnActionFromACard() {
        fixture.givenNoPriorActivity()
                .when(agree("tom", "E09000007", DUE, "p1"))
                .expectEvents(AGREED);
    }

    @Test
    void anActionNeedsAnOwner() {
        fixture.givenNoPriorActivity()
                .when(agree(" ", null, DUE, "p1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose who owns the action");
    }

    @Test
    void anActionCannotBeDueInThePast() {
        fixture.givenNoPriorActivity()
                .when(agree("tom", "E09000007", LocalDate.of(2026, 11, 5), "p1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("The due date must be today or in the future");
    }

    @Test
    void todayIsTheLondonDay() {
        // 00:30 on 7 November in London is still 6 November in UTC... and the other way round in summer time:
        // at 23:30 UTC on 30 June it is already 1 July in London, so 30 June is in the past.
        fixture.givenNoPriorActivity()
                .when(new AgreeAction(
                        "a1",
                        "r1",
                        null,
                        null,
                        null,
                        "Draft",
                        "tom",
                        "E09000007",
                        LocalDate.of(2026, 6, 30),
                        "g1",
                        null,
                        AMARA,
                        Instant.parse("2026-06-30T23:30:00Z")))
                .expectException(InvalidInputException.class);
    }

    @Test
    void onlyAFacilitatorOfTheRetreatAgreesActions() {
        fixture.givenNoPriorActivity()
                .when(new AgreeAction(
                        "a1", "r1", "s1", null, null, "Draft", "tom", "E09000007", DUE, "g1", null, PRIYA, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only a facilitator of this retreat can agree actions");
    }

    @Test
    void theProposalFedMustBeAProposalOfTheGroup() {
        fixture.givenNoPriorActivity()
                .when(agree("tom", "E09000007", DUE, "e1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose a proposal of the working group it feeds");
    }

    @Test
    void anActionNeedsAKnownRetreat() {
        fixture.givenNoPriorActivity()
                .when(new AgreeAction(
                        "a1", "nope", null, null, null, "Draft", "tom", "E09000007", DUE, "g1", null, AMARA, AT))
                .expectException(RuleBrokenException.class)
                .expectNoEvents();
    }

    @Test
    void aParticipantPledgesForTheirCouncil() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge(
                        "pl1",
                        "r1",
                        "s1",
                        null,
                        "k1",
                        "Hackney will pilot the e-auction by March",
                        DUE,
                        "g1",
                        null,
                        PRIYA,
                        AT))
                .expectEvents(PLEDGED);
    }

    @Test
    void onlyParticipantsPledge() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge("pl1", "r1", null, null, null, "We will", DUE, "g1", null, Directories.BEN, AT))
                .expectExceptionMessage("Only people who took part in this retreat can make pledges at it");
    }

    @Test
    void aPledgeNeedsAFutureDate() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge("pl1", "r1", null, null, null, "We will", null, "g1", null, PRIYA, AT))
                .expectExceptionMessage("Enter the date you pledge to do it by");
    }

    @Test
    void noCheckInIsDueBeforeThirtyDaysAt0900London() {
        // 6 December 2026 is 30 days after; 09:00 London is 09:00 UTC in winter.
        fixture.given(AGREED)
                .when(new RaiseCheckIn("a1", Instant.parse("2026-12-06T08:59:59Z")))
                .expectNoEvents();
    }

    @Test
    void theThirtyDayCheckInFallsDueOnTheThirtiethDay() {
        Instant at = Instant.parse("2026-12-06T09:00:00Z");
        fixture.given(AGREED).when(new RaiseCheckIn("a1", at)).expectEvents(new CheckInDue("r1", "a1", 30, at));
    }

    @Test
    void aCheckInIsRaisedOnce() {
        Instant at = Instant.parse("2026-12-07T09:00:00Z");
        fixture.given(AGREED, new CheckInDue("r1", "a1", 30, Instant.parse("2026-12-06T09:00:00Z")))
                .when(new RaiseCheckIn("a1", at))
                .expectNoEvents();
    }

    @Test
    void afterDowntimeOnlyTheLatestStageDueIsRaised() {
        // 4 February 2027 is 90 days after the retreat: the 30-day check-in was never raised and is skipped.
        Instant at = Instant.parse("2027-02-04T10:00:00Z");
        fixture.given(AGREED).when(new RaiseCheckIn("a1", at)).expectEvents(new CheckInDue("r1", "a1", 90, at));
    }

    @Test
    void theNinetyDayCheckInCountsInLondonSummerTimeToo() {
        // 180 days after 6 November 2026 is 5 May 2027, in British Summer Time: 09:00 London is 08:00 UTC.
        fixture.given(AGREED, new CheckInDue("r1", "a1", 90, Instant.parse("2027-02-04T09:00:00Z")))
                .when(new RaiseCheckIn("a1", Instant.parse("2027-05-05T07:59:00Z")))
                .expectNoEvents();
        Instant at = Instant.parse("2027-05-05T08:00:00Z");
        fixture.given(AGREED, new CheckInDue("r1", "a1", 90, Instant.parse("2027-02-04T09:00:00Z")))
                .when(new RaiseCheckIn("a1", at))
                .expectEvents(new CheckInDue("r1", "a1", 180, at));
    }

    @Test
    void nothingIsAskedOfADoneCommitment() {
        fixture.given(AGREED, new ProgressRecorded("r1", "a1", CommitmentProgress.DONE, null, "tom", AT))
                .when(new RaiseCheckIn("a1", Instant.parse("2027-06-01T09:00:00Z")))
                .expectNoEvents();
    }

    @Test
    void theOwnerRecordsProgress() {
        Instant at = Instant.parse("2026-12-08T10:00:00Z");
        fixture.given(AGREED)
                .when(new RecordProgress("a1", CommitmentProgress.AT_RISK, " Budget not yet agreed ", TOM, at))
                .expectEvents(new ProgressRecorded(
                        "r1", "a1", CommitmentProgress.AT_RISK, "Budget not yet agreed", "tom", at));
    }

    @Test
    void droppingNeedsAReason() {
        fixture.given(AGREED)
                .when(new RecordProgress("a1", CommitmentProgress.DROPPED, "  ", TOM, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter why it was dropped");
    }

    @Test
    void progressNeedsAChoice() {
        fixture.given(AGREED)
                .when(new RecordProgress("a1", null, null, TOM, AT))
                .expectExceptionMessage("Choose how it is going");
    }

    @Test
    void onlyTheOwnerOrAFacilitatorRecordsProgress() {
        fixture.given(AGREED)
                .when(new RecordProgress("a1", CommitmentProgress.DONE, null, PRIYA, AT))
                .expectException(RuleBrokenException.class);
        fixture.given(AGREED)
                .when(new RecordProgress("a1", CommitmentProgress.DONE, null, AMARA, AT))
                .expectEvents(new ProgressRecorded("r1", "a1", CommitmentProgress.DONE, null, "amara", AT));
    }

    @Test
    void aDroppedCommitmentChangesNoMore() {
        fixture.given(AGREED, new ProgressRecorded("r1", "a1", CommitmentProgress.DROPPED, "No budget", "tom", AT))
                .when(new RecordProgress("a1", CommitmentProgress.ON_TRACK, null, TOM, AT))
                .expectException(Commitment.CommitmentSettledException.class);
    }

    @Test
    void checkInTimesAreLondonMornings() {
        assertThat(CheckIns.dueAt(ENDS_ON, 30)).isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
        assertThat(CheckIns.dueAt(ENDS_ON, 180)).isEqualTo(Instant.parse("2027-05-05T08:00:00Z"));
        assertThat(CheckIns.latestDue(ENDS_ON, 0, Instant.parse("2026-12-06T08:00:00Z")))
                .isEqualTo(OptionalInt.empty());
        assertThat(CheckIns.latestDue(ENDS_ON, 30, Instant.parse("2028-01-01T00:00:00Z")))
                .isEqualTo(OptionalInt.of(180));
        assertThat(CheckIns.latestDue(ENDS_ON, 180, Instant.parse("2028-01-01T00:00:00Z")))
                .isEqualTo(OptionalInt.empty());
    }

    private static final LocalDate PILOTED = LocalDate.of(2026, 11, 20);

    @Test
    void aPledgeIsFulfilledByItsOrganisationsAdoptionMove() {
        fixture.given(PLEDGED)
                .when(new FulfilPledgeByAdoption("pl1", "pr1", "E09000012", AdoptionStage.PILOTING, PILOTED, PRIYA, AT))
                .expectEvents(new PledgeFulfilledByAdoption(
                        "r1", "pl1", "pr1", "E09000012", AdoptionStage.PILOTING, PILOTED, "priya", AT));
    }

    @Test
    void aFulfilledPledgeIsSettled() {
        fixture.given(
                        PLEDGED,
                        new PledgeFulfilledByAdoption(
                                "r1", "pl1", "pr1", "E09000012", AdoptionStage.PILOTING, PILOTED, "priya", AT))
                .when(new RecordProgress("pl1", CommitmentProgress.AT_RISK, null, PRIYA, AT))
                .expectNoEvents()
                .expectException(Commitment.CommitmentSettledException.class);
    }

    @Test
    void aPledgeOfAnotherOrganisationIsNotFulfilledByThisOnesMove() {
        fixture.given(PLEDGED)
                .when(new FulfilPledgeByAdoption("pl1", "pr1", "E09000007", AdoptionStage.PILOTING, PILOTED, AMARA, AT))
                .expectNoEvents()
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose a pledge of the organisation whose adoption moved");
    }

    @Test
    void aSettledPledgeIsNotFulfilledAgain() {
        fixture.given(PLEDGED, new ProgressRecorded("r1", "pl1", CommitmentProgress.DROPPED, "No budget", "priya", AT))
                .when(new FulfilPledgeByAdoption("pl1", "pr1", "E09000012", AdoptionStage.PILOTING, PILOTED, PRIYA, AT))
                .expectNoEvents()
                .expectExceptionMessage("This pledge has already been recorded as dropped: choose an open one");
        fixture.given(
                        PLEDGED,
                        new PledgeFulfilledByAdoption(
                                "r1", "pl1", "pr1", "E09000012", AdoptionStage.PILOTING, PILOTED, "priya", AT))
                .when(new FulfilPledgeByAdoption("pl1", "pr1", "E09000012", AdoptionStage.PILOTING, PILOTED, PRIYA, AT))
                .expectNoEvents()
                .expectExceptionMessage("This pledge has already been recorded as done: choose an open one");
    }

    @Test
    void onlyAMoveTheAdoptionHasMadeAndNotADeclineFulfilsAPledge() {
        fixture.given(PLEDGED)
                .when(new FulfilPledgeByAdoption("pl1", "pr1", "E09000012", AdoptionStage.EMBEDDED, PILOTED, PRIYA, AT))
                .expectNoEvents()
                .expectExceptionMessage("Choose a move the organisation's adoption of the practice has made");
        fixture.given(PLEDGED)
                .when(new FulfilPledgeByAdoption("pl1", "pr2", "E09000012", AdoptionStage.DECLINED, PILOTED, PRIYA, AT))
                .expectNoEvents()
                .expectExceptionMessage(
                        "A move to declined or abandoned does not fulfil a pledge: record it as dropped");
    }

    @Test
    void anActionIsNotFulfilledByAnAdoptionMove() {
        fixture.given(AGREED)
                .when(new FulfilPledgeByAdoption("a1", "pr1", "E09000007", AdoptionStage.PILOTING, PILOTED, TOM, AT))
                .expectNoEvents()
                .expectExceptionMessage("Only a pledge is fulfilled by an adoption move");
    }

    @Test
    void someoneOfAnotherCouncilWhoNeitherPledgedNorFacilitatesMayNotSayAPledgeWasFulfilled() {
        fixture.given(PLEDGED)
                .when(new FulfilPledgeByAdoption("pl1", "pr1", "E09000012", AdoptionStage.PILOTING, PILOTED, TOM, AT))
                .expectNoEvents()
                .expectException(RuleBrokenException.class);
    }
}
