package org.collaborative.app.web.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.FulfilPledgeByAdoption;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.practice.PracticeDirectory;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.practice.RecordAdoptionMove;
import org.collaborative.app.practice.ReportOutcome;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.SavingRecurrence;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.collaborative.views.spread.PracticeSpread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(PracticeController.class)
class PracticeControllerTest {

    private static final String PRACTICE = "pr1";
    private static final String OUTCOME = "11111111-2222-4333-8444-555555555555";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    PracticeViews practices;

    @Autowired
    PracticeDirectory directory;

    @Autowired
    CommitmentViews commitments;

    @Autowired
    PracticeSpreads spreads;

    private final Actor member = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());

    @BeforeEach
    void aPracticeWithOneAdopter() {
        PracticeView practice = PracticeFixtures.eAuction(PRACTICE);
        AdoptionView adoption = new AdoptionView(
                RecordAdoptionMove.adoptionIdFor(PRACTICE, "camden"),
                PRACTICE,
                "camden",
                "ADOPTED",
                LocalDate.of(2025, 3, 1),
                null,
                List.of(PracticeFixtures.adopted(NOW)),
                List.of(
                        PracticeFixtures.cashableSaving(NOW),
                        new AdoptionView.Outcome(
                                "o2",
                                "NON_CASHABLE_SAVING",
                                5_000_000L,
                                "ONE_OFF",
                                LocalDate.of(2025, 4, 1),
                                LocalDate.of(2026, 3, 31),
                                null,
                                null,
                                null,
                                null,
                                "Staff time study",
                                1,
                                "member-1",
                                NOW,
                                null,
                                null,
                                null)),
                Map.of(),
                1L);
        when(practices.find(PRACTICE)).thenReturn(Optional.of(practice));
        when(practices.all(any())).thenReturn(List.of(practice));
        when(practices.stageCounts(List.of(PRACTICE))).thenReturn(Map.of(PRACTICE, Map.of("ADOPTED", 1L)));
        when(practices.adoptionsOf(PRACTICE)).thenReturn(List.of(adoption));
        when(practices.adoption(PRACTICE, "camden")).thenReturn(Optional.of(adoption));
        when(practices.adoption(PRACTICE, "hackney")).thenReturn(Optional.empty());
    }

    @Test
    void listsPracticesWithTheirUptake() throws Exception {
        mvc.perform(get("/practices").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/list"))
                .andExpect(content().string(containsString("IT hardware e-auction")));
    }

    @Test
    void showsAdoptersAndKeepsCashableAndNonCashableInSeparateColumns() throws Exception {
        mvc.perform(get("/practices/" + PRACTICE).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/practice"))
                .andExpect(content().string(containsString("<!-- spread views: practice/spread.html -->")))
                .andExpect(content().string(containsString("£400,000 a year")))
                .andExpect(content().string(containsString("£50,000 once")))
                .andExpect(content().string(not(containsString("£450,000"))))
                .andExpect(content().string(containsString("Claimed")));
    }

    @Test
    void thePracticePageLeadsThoseWhoMayToChangingItAndLinkingEvidence() throws Exception {
        // Recorded by the facilitator, from Hackney: the member (Camden) may do neither, the facilitator both.
        mvc.perform(get("/practices/" + PRACTICE).with(as(MEMBER)))
                .andExpect(content().string(not(containsString("/practices/pr1/edit"))))
                .andExpect(content().string(not(containsString("/practices/pr1/evidence"))));
        mvc.perform(get("/practices/" + PRACTICE).with(as(FACILITATOR)))
                .andExpect(content().string(containsString("href=\"/practices/pr1/edit\">Change this practice</a>")))
                .andExpect(content().string(containsString("href=\"/practices/pr1/evidence\">Link evidence</a>")));
    }

    @Test
    void recordsAMoveForTheReadersOwnCouncil() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("stage", "EXPLORING")
                        .param("day", "3")
                        .param("month", "11")
                        .param("year", "2026")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/practices/pr1?done=moved&ref=camden:EXPLORING"));
        verify(gateway)
                .sendAndWait(new RecordAdoptionMove(
                        PRACTICE,
                        "camden",
                        AdoptionStage.EXPLORING,
                        LocalDate.of(2026, 11, 3),
                        null,
                        null,
                        null,
                        member,
                        NOW));
    }

    @Test
    void afterAMoveThePageWaitsForTheSpreadViewsToShowItToo() throws Exception {
        // The adoptions view already shows Camden exploring; the spread view (another projector's) is a moment behind.
        AdoptionView exploring = new AdoptionView(
                RecordAdoptionMove.adoptionIdFor(PRACTICE, "camden"),
                PRACTICE,
                "camden",
                "EXPLORING",
                LocalDate.of(2026, 11, 3),
                null,
                List.of(new AdoptionView.Move(
                        "EXPLORING", LocalDate.of(2026, 11, 3), null, null, null, "member-1", NOW)),
                List.of(),
                Map.of(),
                2L);
        when(practices.adoptionsOf(PRACTICE)).thenReturn(List.of(exploring));
        PracticeSpread before = PracticeSpread.empty(PRACTICE)
                .described(
                        "IT hardware e-auction",
                        "housing",
                        "hackney",
                        null,
                        Instant.parse("2026-01-01T09:00:00Z"),
                        LocalDate.of(2024, 10, 1));
        PracticeSpread after = before.withMoves(List.of(new PracticeSpread.Move(
                RecordAdoptionMove.adoptionIdFor(PRACTICE, "camden"),
                "camden",
                "EXPLORING",
                LocalDate.of(2026, 11, 3),
                null,
                null,
                null,
                "member-1",
                NOW)));
        when(spreads.find(PRACTICE)).thenReturn(Optional.of(before), Optional.of(after));

        String page = mvc.perform(get("/practices/" + PRACTICE)
                        .param("done", "moved")
                        .param("ref", "camden:EXPLORING")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String moves = page.substring(page.indexOf("id=\"moves-table\""));
        moves = moves.substring(0, moves.indexOf("</table>"));
        assertThat(moves).doesNotContain("No moves recorded by then").contains(">Exploring</td>");
    }

    @Test
    void aFacilitatorRecordsAMoveForAnyCouncil() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("organisationId", "hackney")
                        .param("stage", "DECLINED")
                        .param("day", "3")
                        .param("month", "11")
                        .param("year", "2026")
                        .param("setback", "COST")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/practices/pr1?done=moved&ref=hackney:DECLINED"));
        verify(gateway)
                .sendAndWait(new RecordAdoptionMove(
                        PRACTICE,
                        "hackney",
                        AdoptionStage.DECLINED,
                        LocalDate.of(2026, 11, 3),
                        null,
                        AdoptionSetback.COST,
                        null,
                        new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }

    @Test
    void aDateThatIsNotADateKeepsWhatWasTypedAndSendsNothing() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("stage", "PILOTING")
                        .param("day", "31")
                        .param("month", "2")
                        .param("year", "2026")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/practice"))
                .andExpect(content().string(containsString("href=\"#move-day\"")))
                .andExpect(content().string(containsString("The date it happened must be a real date")))
                .andExpect(content().string(containsString("value=\"31\"")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aRefusedMoveShowsTheErrorOnItsFieldAndKeepsTheForm() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(
                        new InvalidInputException("happenedOn", "The date it happened must be today or in the past"));
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("stage", "PILOTING")
                        .param("day", "4")
                        .param("month", "11")
                        .param("year", "2027")
                        .param("variant", "Kept this")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#move-day\"")))
                .andExpect(content().string(containsString("The date it happened must be today or in the past")))
                .andExpect(content().string(containsString("value=\"2027\"")))
                .andExpect(content().string(containsString("Kept this")));
    }

    @Test
    void aMoveForAnotherCouncilRefusedShowsTheRule() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException(
                        "You can record moves only for your own organisation; a facilitator can record them for any"));
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("organisationId", "hackney")
                        .param("stage", "PILOTING")
                        .param("day", "4")
                        .param("month", "11")
                        .param("year", "2026")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You can record moves only for your own organisation")));
        verify(gateway)
                .sendAndWait(new RecordAdoptionMove(
                        PRACTICE,
                        "hackney",
                        AdoptionStage.PILOTING,
                        LocalDate.of(2026, 11, 4),
                        null,
                        null,
                        null,
                        member,
                        NOW));
    }

    @Test
    void reportsASavingInPence() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE + "/outcomes")
                        .param("outcomeId", OUTCOME)
                        .param("kind", "CASHABLE_SAVING")
                        .param("amount", "£400,000")
                        .param("recurrence", "RECURRING")
                        .param("startDay", "1")
                        .param("startMonth", "4")
                        .param("startYear", "2025")
                        .param("endDay", "31")
                        .param("endMonth", "3")
                        .param("endYear", "2026")
                        .param("source", "Outturn report")
                        .param("evidenceLevel", "2")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/practices/pr1?done=reported&ref=" + OUTCOME));
        verify(gateway)
                .sendAndWait(new ReportOutcome(
                        RecordAdoptionMove.adoptionIdFor(PRACTICE, "camden"),
                        OUTCOME,
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
                        member,
                        NOW));
    }

    @Test
    void aSavingWithoutItsPeriodComesBackWithTheErrorOnTheStartDate() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new InvalidInputException("periodStart", "Enter the start of the period of the saving"));
        mvc.perform(post("/practices/" + PRACTICE + "/outcomes")
                        .param("outcomeId", OUTCOME)
                        .param("kind", "CASHABLE_SAVING")
                        .param("amount", "-5")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#outcome-startDay\"")))
                .andExpect(content().string(containsString("value=\"-5\"")));
    }

    private static final String PLEDGE = "99999999-2222-4333-8444-555555555555";

    private static CommitmentView pledge(String organisationId, String progress) {
        return new CommitmentView(
                PLEDGE,
                CommitmentView.PLEDGE,
                "r1",
                null,
                null,
                null,
                "We will pilot the e-auction by March",
                "member-1",
                organisationId,
                LocalDate.of(2027, 3, 31),
                "g1",
                null,
                LocalDate.of(2026, 10, 1),
                "member-1",
                Instant.parse("2026-10-01T10:00:00Z"),
                progress,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                Map.of(),
                null);
    }

    @Test
    void theMoveFormOffersTheCouncilsOpenPledgesAndAMoveFulfillingOneSendsTheMoveThenThePledge() throws Exception {
        when(commitments.pledgesOf("camden")).thenReturn(List.of(pledge("camden", null)));
        when(commitments.find(PLEDGE)).thenReturn(Optional.of(pledge("camden", null)));
        mvc.perform(get("/practices/" + PRACTICE).with(as(MEMBER)))
                .andExpect(content()
                        .string(containsString("<option value=\"" + PLEDGE
                                + "\">We will pilot the e-auction by March (by 31 March 2027)</option>")));
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("stage", "PILOTING")
                        .param("day", "3")
                        .param("month", "11")
                        .param("year", "2026")
                        .param("pledgeId", PLEDGE)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/practices/pr1?done=moved&ref=camden:PILOTING"));
        org.mockito.InOrder order = org.mockito.Mockito.inOrder(gateway);
        order.verify(gateway)
                .sendAndWait(new RecordAdoptionMove(
                        PRACTICE,
                        "camden",
                        AdoptionStage.PILOTING,
                        LocalDate.of(2026, 11, 3),
                        null,
                        null,
                        null,
                        member,
                        NOW));
        order.verify(gateway)
                .sendAndWait(new FulfilPledgeByAdoption(
                        PLEDGE, PRACTICE, "camden", AdoptionStage.PILOTING, LocalDate.of(2026, 11, 3), member, NOW));
    }

    @Test
    void aPledgeOfAnotherCouncilIsAnErrorThatKeepsWhatWasTypedAndRecordsNothing() throws Exception {
        when(commitments.find(PLEDGE)).thenReturn(Optional.of(pledge("hackney", null)));
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("stage", "PILOTING")
                        .param("day", "3")
                        .param("month", "11")
                        .param("year", "2026")
                        .param("pledgeId", PLEDGE)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content()
                        .string(containsString("<a href=\"#move-pledgeId\">Choose a pledge of the organisation whose"
                                + " adoption moved</a>")))
                .andExpect(content().string(containsString("value=\"" + PLEDGE + "\" selected")))
                .andExpect(content().string(containsString("value=\"2026\"")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aSettledPledgeIsAnErrorAndRecordsNothing() throws Exception {
        when(commitments.find(PLEDGE)).thenReturn(Optional.of(pledge("camden", "DONE")));
        mvc.perform(post("/practices/" + PRACTICE + "/moves")
                        .param("stage", "PILOTING")
                        .param("day", "3")
                        .param("month", "11")
                        .param("year", "2026")
                        .param("pledgeId", PLEDGE)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("This pledge has already been recorded as done: choose an open one")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void thePracticePageShowsThePledgesItsAdoptionMovesFulfilled() throws Exception {
        CommitmentView fulfilled = new CommitmentView(
                PLEDGE,
                CommitmentView.PLEDGE,
                "r1",
                null,
                null,
                null,
                "We will pilot the e-auction by March",
                "member-1",
                "camden",
                LocalDate.of(2027, 3, 31),
                "g1",
                null,
                LocalDate.of(2026, 10, 1),
                "member-1",
                Instant.parse("2026-10-01T10:00:00Z"),
                "DONE",
                null,
                "member-1",
                NOW,
                List.of(),
                null,
                new CommitmentView.Fulfilment(PRACTICE, "PILOTING", LocalDate.of(2026, 11, 3)),
                Map.of(),
                null);
        when(commitments.fulfilledByAdoptionOf(PRACTICE)).thenReturn(List.of(fulfilled));
        mvc.perform(get("/practices/" + PRACTICE).with(as(MEMBER)))
                .andExpect(content().string(containsString("id=\"fulfilled-" + PLEDGE + "\"")))
                .andExpect(content().string(containsString("href=\"/retreats/r1/outputs\"")))
                .andExpect(
                        content().string(containsString("was fulfilled by its move to Piloting on 3 November 2026.")));
    }
}
