package org.collaborative.app.practice;

import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.OutcomeReported;
import org.collaborative.events.practice.OutcomeVerified;
import org.collaborative.events.practice.SavingRecurrence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tom is from Camden (E09000007), Priya from Hackney, Amara a facilitator; "pr1" was first tried on 1 January 2025. */
class AdoptionTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final String CAMDEN = "E09000007";
    private static final String ID = RecordAdoptionMove.adoptionIdFor("pr1", CAMDEN);
    private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);
    private static final Actor FIONA = new Actor("fiona", CAMDEN, MemberRole.SERVICE_LEADER);

    private AggregateTestFixture<Adoption> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Adoption.class);
        fixture.registerInjectableResource(new PracticesInMemory().financeOfficer("fiona", CAMDEN));
    }

    private static RecordAdoptionMove move(AdoptionStage stage, LocalDate on, Actor actor) {
        return new RecordAdoptionMove("pr1", CAMDEN, stage, on, null, null, null, actor, AT);
    }

    private static AdoptionStageRecorded moved(AdoptionStage stage, LocalDate on) {
        return new AdoptionStageRecorded(ID, "pr1", CAMDEN, stage, on, null, null, null, "tom", AT);
    }

    private static ReportOutcome saving(String outcomeId, Long pence, LocalDate start, LocalDate end) {
        return new ReportOutcome(
                ID,
                outcomeId,
                OutcomeKind.CASHABLE_SAVING,
                pence,
                SavingRecurrence.RECURRING,
                start,
                end,
                null,
                null,
                null,
                null,
                "Outturn report",
                2,
                TOM,
                AT);
    }

    @Test
    void theFirstMoveCreatesTheAdoption() {
        fixture.givenNoPriorActivity()
                .when(move(AdoptionStage.EXPLORING, MARCH, TOM))
                .expectEvents(moved(AdoptionStage.EXPLORING, MARCH));
    }

    @Test
    void aSecondFirstMoveForTheSameOrganisationAndPracticeJoinsTheSameRecord() {
        fixture.given(moved(AdoptionStage.AWARE, MARCH))
                .when(move(AdoptionStage.PILOTING, MARCH.plusDays(3), TOM))
                .expectEvents(moved(AdoptionStage.PILOTING, MARCH.plusDays(3)));
    }

    @Test
    void aMemberCannotRecordAMoveForAnotherOrganisation() {
        fixture.givenNoPriorActivity()
                .when(move(AdoptionStage.EXPLORING, MARCH, PRIYA))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "You can record moves only for your own organisation; a facilitator can record them for any");
    }

    @Test
    void aFacilitatorRecordsAMoveForAnyOrganisation() {
        fixture.givenNoPriorActivity()
                .when(move(AdoptionStage.EXPLORING, MARCH, AMARA))
                .expectEvents(new AdoptionStageRecorded(
                        ID, "pr1", CAMDEN, AdoptionStage.EXPLORING, MARCH, null, null, null, "amara", AT));
    }

    @Test
    void aMoveCannotBeDatedInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(move(AdoptionStage.EXPLORING, LocalDate.of(2026, 11, 27), TOM))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("The date it happened must be today or in the past");
    }

    @Test
    void aMoveCannotBeDatedBeforeThePracticeWasFirstTried() {
        fixture.givenNoPriorActivity()
                .when(move(AdoptionStage.EXPLORING, LocalDate.of(2024, 12, 31), TOM))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(
                        "The date it happened must be on or after 1 January 2025, when the practice was first tried");
    }

    @Test
    void movesAreRecordedInTheOrderTheyHappened() {
        fixture.given(moved(AdoptionStage.PILOTING, MARCH))
                .when(move(AdoptionStage.ADOPTED, MARCH.minusDays(1), TOM))
                .expectExceptionMessage(
                        "The date it happened must be on or after 1 March 2025, the date of the last move");
    }

    @Test
    void cannotMoveBackWithoutAReason() {
        fixture.given(moved(AdoptionStage.PILOTING, MARCH))
                .when(move(AdoptionStage.EXPLORING, MARCH.plusDays(1), TOM))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose why the adoption moved back");
    }

    @Test
    void movesBackWithAReason() {
        fixture.given(moved(AdoptionStage.PILOTING, MARCH))
                .when(new RecordAdoptionMove(
                        "pr1",
                        CAMDEN,
                        AdoptionStage.EXPLORING,
                        MARCH.plusDays(1),
                        null,
                        AdoptionSetback.CAPACITY,
                        null,
                        TOM,
                        AT))
                .expectEvents(new AdoptionStageRecorded(
                        ID,
                        "pr1",
                        CAMDEN,
                        AdoptionStage.EXPLORING,
                        MARCH.plusDays(1),
                        null,
                        AdoptionSetback.CAPACITY,
                        null,
                        "tom",
                        AT));
    }

    @Test
    void skipsForwardWithoutAReason() {
        fixture.given(moved(AdoptionStage.AWARE, MARCH))
                .when(move(AdoptionStage.ADOPTED, MARCH, TOM))
                .expectEvents(moved(AdoptionStage.ADOPTED, MARCH));
    }

    @Test
    void cannotDeclineWithoutAReason() {
        fixture.given(moved(AdoptionStage.EXPLORING, MARCH))
                .when(move(AdoptionStage.DECLINED, MARCH, TOM))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose the reason");
    }

    @Test
    void anOtherReasonNeedsItsText() {
        fixture.given(moved(AdoptionStage.EXPLORING, MARCH))
                .when(new RecordAdoptionMove(
                        "pr1", CAMDEN, AdoptionStage.DECLINED, MARCH, null, AdoptionSetback.OTHER, " ", TOM, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter the reason");
    }

    @Test
    void anAdoptedPracticeIsAbandonedNotDeclined() {
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH))
                .when(new RecordAdoptionMove(
                        "pr1", CAMDEN, AdoptionStage.DECLINED, MARCH, null, AdoptionSetback.COST, null, TOM, AT))
                .expectExceptionMessage(
                        "An organisation that has adopted a practice abandons it rather than declining it");
        fixture.given(moved(AdoptionStage.AWARE, MARCH))
                .when(new RecordAdoptionMove(
                        "pr1", CAMDEN, AdoptionStage.ABANDONED, MARCH, null, AdoptionSetback.COST, null, TOM, AT))
                .expectExceptionMessage(
                        "Only a practice that is being piloted or used can be abandoned: choose declined instead");
    }

    @Test
    void anAdaptationDescribesItsVariant() {
        fixture.given(moved(AdoptionStage.PILOTING, MARCH))
                .when(move(AdoptionStage.ADAPTED, MARCH, TOM))
                .expectExceptionMessage("Enter a variant");
        fixture.given(moved(AdoptionStage.PILOTING, MARCH))
                .when(new RecordAdoptionMove(
                        "pr1", CAMDEN, AdoptionStage.ADAPTED, MARCH, " Desktops only ", null, null, TOM, AT))
                .expectEvents(new AdoptionStageRecorded(
                        ID, "pr1", CAMDEN, AdoptionStage.ADAPTED, MARCH, "Desktops only", null, null, "tom", AT));
    }

    @Test
    void theSameStageTwiceIsRefused() {
        fixture.given(moved(AdoptionStage.PILOTING, MARCH))
                .when(move(AdoptionStage.PILOTING, MARCH, TOM))
                .expectExceptionMessage("Your organisation's adoption is already at this stage");
    }

    @Test
    void aSavingNeedsItsPeriodAndANonNegativeAmount() {
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH))
                .when(saving("o1", 100L, null, LocalDate.of(2026, 3, 31)))
                .expectExceptionMessage("Enter the start of the period of the saving");
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH))
                .when(saving("o1", -1L, LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("The amount saved must be £0 or more");
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH))
                .when(saving("o1", 100L, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 3, 31)))
                .expectExceptionMessage("The end of the period must be on or after its start");
    }

    @Test
    void aSavingIsReportedOnceItIsBeingPiloted() {
        fixture.given(moved(AdoptionStage.EXPLORING, MARCH))
                .when(saving("o1", 100L, LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)))
                .expectExceptionMessage("Report outcomes once your organisation is piloting the practice");
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH))
                .when(saving("o1", 40_000_000L, LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)))
                .expectEvents(reported());
    }

    @Test
    void aQualityMeasureNeedsItsNameAndValuesAndKeepsNoAmount() {
        ReportOutcome measure = new ReportOutcome(
                ID,
                "o2",
                OutcomeKind.QUALITY_MEASURE,
                500L,
                SavingRecurrence.ONE_OFF,
                null,
                null,
                "Resident satisfaction",
                "61",
                "78",
                "%",
                "Resident survey",
                2,
                TOM,
                AT);
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH))
                .when(measure)
                .expectEvents(new OutcomeReported(
                        ID,
                        "o2",
                        "pr1",
                        CAMDEN,
                        OutcomeKind.QUALITY_MEASURE,
                        null,
                        null,
                        null,
                        null,
                        "Resident satisfaction",
                        "61",
                        "78",
                        "%",
                        "Resident survey",
                        2,
                        "tom",
                        AT));
    }

    @Test
    void onlyAFinanceOfficerOfTheOrganisationVerifies() {
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH), reported())
                .when(new VerifyOutcome(ID, "o1", LocalDate.of(2026, 11, 26), TOM, AT))
                .expectExceptionMessage("Only a finance officer of the organisation can verify its outcomes");
        fixture.given(moved(AdoptionStage.ADOPTED, MARCH), reported())
                .when(new VerifyOutcome(ID, "o1", LocalDate.of(2026, 11, 26), FIONA, AT))
                .expectEvents(new OutcomeVerified(ID, "o1", "pr1", CAMDEN, "fiona", LocalDate.of(2026, 11, 26), AT));
    }

    @Test
    void verifyingTwiceRecordsItOnce() {
        fixture.given(
                        moved(AdoptionStage.ADOPTED, MARCH),
                        reported(),
                        new OutcomeVerified(ID, "o1", "pr1", CAMDEN, "fiona", LocalDate.of(2026, 11, 26), AT))
                .when(new VerifyOutcome(ID, "o1", LocalDate.of(2026, 11, 26), FIONA, AT))
                .expectNoEvents();
    }

    private static OutcomeReported reported() {
        return new OutcomeReported(
                ID,
                "o1",
                "pr1",
                CAMDEN,
                OutcomeKind.CASHABLE_SAVING,
                40_000_000L,
                SavingRecurrence.RECURRING,
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2026, 3, 31),
                null,
                null,
                null,
                null,
                "Outturn report",
                2,
                "tom",
                AT);
    }
}
