package org.collaborative.app.practice;

import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.SAM;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.support.Directories;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.EvidenceLinkedToPractice;
import org.collaborative.events.practice.FinanceOfficerDesignated;
import org.collaborative.events.practice.FinanceOfficerDesignationEnded;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.HelpOffered;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.practice.PracticeRevised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PracticeTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String FROM_P1 = RecordPractice.idFromProposal("p1");

    private AggregateTestFixture<Practice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practice.class);
        fixture.registerInjectableResource(new Directories()
                .withItem("p1", ItemType.PROPOSAL, THEME, "tom")
                .withItem("p2", ItemType.PROPOSAL, THEME, "tom")
                .withItem("e1", ItemType.EVIDENCE, THEME, "priya"));
        fixture.registerInjectableResource(new PracticesInMemory()
                .withTakenForward("p1")
                .adoption("pr1", "E09000007", AdoptionStage.ADOPTED)
                .adoption("pr1", "E09000012", AdoptionStage.EXPLORING));
    }

    private static PracticeRecorded recorded(String id, String fromProposal, String by, LocalDate firstTried) {
        return new PracticeRecorded(
                id, "E-auction", "Buy together.", THEME, "E09000007", fromProposal, by, AT, firstTried);
    }

    @Test
    void theProposerRecordsATakenForwardProposalAsAPractice() {
        fixture.givenNoPriorActivity()
                .when(new RecordPractice(
                        FROM_P1, "E-auction", "Buy together.", THEME, "E09000007", "p1", null, TOM, AT))
                .expectEvents(recorded(FROM_P1, "p1", "tom", TODAY));
    }

    @Test
    void aProposalNotTakenForwardDoesNotBecomeAPractice() {
        fixture.givenNoPriorActivity()
                .when(new RecordPractice(
                        RecordPractice.idFromProposal("p2"),
                        "E-auction",
                        "Buy together.",
                        THEME,
                        "E09000007",
                        "p2",
                        null,
                        TOM,
                        AT))
                .expectExceptionMessage("Only a proposal decided \"taken forward\" can become a practice");
    }

    @Test
    void aProposalBecomesAPracticeUnderItsOwnIdOnly() {
        fixture.givenNoPriorActivity()
                .when(new RecordPractice(
                        "other", "E-auction", "Buy together.", THEME, "E09000007", "p1", null, TOM, AT))
                .expectExceptionMessage("A practice from a proposal has the id its proposal gives it");
    }

    @Test
    void onlyAFacilitatorRecordsAPracticeDirectly() {
        fixture.givenNoPriorActivity()
                .when(new RecordPractice("pr9", "E-auction", "Buy together.", THEME, "E09000007", null, null, TOM, AT))
                .expectExceptionMessage("Only a facilitator can record a practice that comes from no proposal");
        LocalDate tried = LocalDate.of(2024, 10, 1);
        fixture.givenNoPriorActivity()
                .when(new RecordPractice(
                        "pr9", "E-auction", "Buy together.", THEME, "E09000007", null, tried, AMARA, AT))
                .expectEvents(recorded("pr9", null, "amara", tried));
    }

    @Test
    void theFirstTriedDateIsNotInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new RecordPractice(
                        "pr9", "E-auction", "Buy together.", THEME, "E09000007", null, TODAY.plusDays(1), SAM, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("The date it was first tried must be today or in the past");
    }

    @Test
    void evidenceIsLinkedOnce() {
        fixture.given(recorded("pr1", null, "amara", TODAY))
                .when(new LinkEvidenceToPractice("pr1", "e1", TOM, AT))
                .expectEvents(new EvidenceLinkedToPractice("pr1", "e1", "tom", AT));
        fixture.given(recorded("pr1", null, "amara", TODAY), new EvidenceLinkedToPractice("pr1", "e1", "tom", AT))
                .when(new LinkEvidenceToPractice("pr1", "e1", TOM, AT))
                .expectNoEvents();
    }

    @Test
    void thePersonWhoRecordedItRevisesItsNameAndSummary() {
        fixture.given(recorded("pr1", null, "tom", TODAY))
                .when(new RevisePractice("pr1", " E-auctions ", "Buy laptops together. ", 0L, TOM, AT))
                .expectEvents(new PracticeRevised("pr1", "E-auctions", "Buy laptops together.", "tom", AT));
    }

    @Test
    void onlyTheRecorderOrAFacilitatorRevisesAPractice() {
        fixture.given(recorded("pr1", null, "amara", TODAY))
                .when(new RevisePractice("pr1", "E-auctions", "Buy together.", 0L, TOM, AT))
                .expectExceptionMessage("Only the person who recorded this practice or a facilitator can revise it");
    }

    @Test
    void theSameRevisionSentAgainRecordsNothing() {
        fixture.given(
                        recorded("pr1", null, "amara", TODAY),
                        new PracticeRevised("pr1", "E-auctions", "Buy together.", "amara", AT))
                .when(new RevisePractice("pr1", "E-auctions", "Buy together.", 0L, AMARA, AT))
                .expectNoEvents();
    }

    @Test
    void aRevisionFromAFormOpenedBeforeSomeoneElsesIsRefused() {
        fixture.given(
                        recorded("pr1", null, "amara", TODAY),
                        new PracticeRevised("pr1", "E-auctions", "Buy together.", "amara", AT))
                .when(new RevisePractice("pr1", "E-auction", "Buy laptops together.", 0L, SAM, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "Someone else changed this practice after you opened it. Check their change, then make yours"
                                + " again");
        fixture.given(
                        recorded("pr1", null, "amara", TODAY),
                        new PracticeRevised("pr1", "E-auctions", "Buy together.", "amara", AT),
                        new EvidenceLinkedToPractice("pr1", "e1", "tom", AT))
                .when(new RevisePractice("pr1", "E-auction", "Buy laptops together.", 1L, SAM, AT))
                .expectEvents(new PracticeRevised("pr1", "E-auction", "Buy laptops together.", "sam", AT));
    }

    @Test
    void peopleFromOrganisationsThatTriedItOfferHelp() {
        fixture.given(recorded("pr1", null, "amara", TODAY))
                .when(new OfferHelp("pr1", Set.of(HelpKind.VISIT, HelpKind.ADVICE), TOM, AT))
                .expectEvents(new HelpOffered("pr1", "tom", "E09000007", Set.of(HelpKind.ADVICE, HelpKind.VISIT), AT));
        fixture.given(recorded("pr1", null, "amara", TODAY))
                .when(new OfferHelp("pr1", Set.of(HelpKind.VISIT), PRIYA, AT))
                .expectExceptionMessage("Only people from an organisation that has piloted, adopted or adapted this"
                        + " practice can offer help");
    }

    @Test
    void onlyAnAdministratorDesignatesAFinanceOfficer() {
        AggregateTestFixture<FinanceOfficer> officers = new AggregateTestFixture<>(FinanceOfficer.class);
        officers.givenNoPriorActivity()
                .when(new DesignateFinanceOfficer("fiona", "E09000007", AMARA, AT))
                .expectExceptionMessage("Only an administrator, or an organisation administrator for their own"
                        + " organisation, can designate finance officers");
        officers.givenNoPriorActivity()
                .when(new DesignateFinanceOfficer("fiona", "E09000007", SAM, AT))
                .expectEvents(new FinanceOfficerDesignated("fiona", "E09000007", "sam", AT));
    }

    private static final Actor CAMDEN_ADMIN = new Actor("olu", "E09000007", MemberRole.ORGANISATION_ADMINISTRATOR);

    @Test
    void anOrganisationAdministratorDesignatesAFinanceOfficerOfTheirOwnOrganisation() {
        new AggregateTestFixture<>(FinanceOfficer.class)
                .givenNoPriorActivity()
                .when(new DesignateFinanceOfficer("fiona", "E09000007", CAMDEN_ADMIN, AT))
                .expectEvents(new FinanceOfficerDesignated("fiona", "E09000007", "olu", AT));
    }

    @Test
    void anOrganisationAdministratorCannotDesignateSomeoneOfAnotherOrganisation() {
        new AggregateTestFixture<>(FinanceOfficer.class)
                .givenNoPriorActivity()
                .when(new DesignateFinanceOfficer("hana", "E09000012", CAMDEN_ADMIN, AT))
                .expectNoEvents()
                .expectExceptionMessage(
                        "You can designate finance officers only among the people of your own organisation");
    }

    @Test
    void anOrganisationAdministratorCannotEndAnotherOrganisationsDesignation() {
        new AggregateTestFixture<>(FinanceOfficer.class)
                .given(new FinanceOfficerDesignated("hana", "E09000012", "sam", AT))
                .when(EndFinanceOfficerDesignation.of("hana", CAMDEN_ADMIN, AT))
                .expectNoEvents()
                .expectExceptionMessage(
                        "You can designate finance officers only among the people of your own organisation");
        new AggregateTestFixture<>(FinanceOfficer.class)
                .given(new FinanceOfficerDesignated("fiona", "E09000007", "sam", AT))
                .when(EndFinanceOfficerDesignation.of("fiona", CAMDEN_ADMIN, AT))
                .expectEvents(new FinanceOfficerDesignationEnded("fiona", "E09000007", "olu", AT));
    }
}
