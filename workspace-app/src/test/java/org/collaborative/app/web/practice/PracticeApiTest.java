package org.collaborative.app.web.practice;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.FulfilPledgeByAdoption;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.practice.RecordAdoptionMove;
import org.collaborative.app.practice.ReportOutcome;
import org.collaborative.app.practice.VerifyOutcome;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.SavingRecurrence;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Practices as JSON: the reads, the exact move, outcome, verification and pledge commands, and the problems. */
@ControllerSlice(PracticeApi.class)
class PracticeApiTest {

    private static final String PRACTICE = "e-auction";
    private static final String ADOPTION = RecordAdoptionMove.adoptionIdFor(PRACTICE, "camden");
    private static final String OUTCOME = "11111111-2222-4333-8444-555555555555";
    private static final String PLEDGE = "11111111-2222-4333-8444-666666666666";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    PracticeViews practices;

    @Autowired
    CommitmentViews commitments;

    private final Actor member = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());

    @BeforeEach
    void aPracticeCamdenAdopted() {
        PracticeView practice = PracticeFixtures.eAuction(PRACTICE);
        AdoptionView adoption = new AdoptionView(
                ADOPTION,
                PRACTICE,
                "camden",
                "ADOPTED",
                LocalDate.of(2025, 3, 1),
                null,
                List.of(PracticeFixtures.adopted(NOW)),
                List.of(PracticeFixtures.cashableSaving(NOW)),
                Map.of(),
                1L);
        when(practices.find(PRACTICE)).thenReturn(Optional.of(practice));
        when(practices.all(any())).thenReturn(List.of(practice));
        when(practices.adoptionsOf(PRACTICE)).thenReturn(List.of(adoption));
        when(practices.adoption(PRACTICE, "camden")).thenReturn(Optional.of(adoption));
        when(practices.adoption(PRACTICE, "hackney")).thenReturn(Optional.empty());
    }

    @Test
    void readsThePracticeItsAdoptionsAndItsOutcomesWithTheirAdoption() throws Exception {
        mvc.perform(get("/api/practices/" + PRACTICE).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("IT hardware e-auction"));
        mvc.perform(get("/api/practices/" + PRACTICE + "/adoptions").with(as(MEMBER)))
                .andExpect(jsonPath("$[0].stage").value("ADOPTED"));
        mvc.perform(get("/api/practices/" + PRACTICE + "/outcomes").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].adoptionId").value(ADOPTION))
                .andExpect(jsonPath("$[0].organisationId").value("camden"))
                .andExpect(jsonPath("$[0].outcome.amountPence").value(40_000_000L));
        mvc.perform(get("/api/practices/nothing").with(as(MEMBER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
    }

    @Test
    void aMoveSendsRecordAdoptionMoveAndIs201() throws Exception {
        mvc.perform(post("/api/practices/" + PRACTICE + "/adoptions/hackney/moves")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PILOTING\",\"happenedOn\":\"2026-10-01\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.adoptionId").value(RecordAdoptionMove.adoptionIdFor(PRACTICE, "hackney")));
        verify(gateway)
                .sendAndWait(new RecordAdoptionMove(
                        PRACTICE,
                        "hackney",
                        AdoptionStage.PILOTING,
                        LocalDate.of(2026, 10, 1),
                        null,
                        null,
                        null,
                        member,
                        NOW));
    }

    @Test
    void aMoveThatFulfilsAnOpenPledgeSendsTheMoveThenFulfilsThePledge() throws Exception {
        when(commitments.find(PLEDGE)).thenReturn(Optional.of(pledgeOf("camden")));
        mvc.perform(post("/api/practices/" + PRACTICE + "/adoptions/camden/moves")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"EMBEDDED\",\"happenedOn\":\"2026-10-01\",\"fulfilsPledgeId\":\"" + PLEDGE
                                + "\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated());
        verify(gateway)
                .sendAndWait(new RecordAdoptionMove(
                        PRACTICE,
                        "camden",
                        AdoptionStage.EMBEDDED,
                        LocalDate.of(2026, 10, 1),
                        null,
                        null,
                        null,
                        member,
                        NOW));
        verify(gateway)
                .sendAndWait(new FulfilPledgeByAdoption(
                        PLEDGE, PRACTICE, "camden", AdoptionStage.EMBEDDED, LocalDate.of(2026, 10, 1), member, NOW));
    }

    @Test
    void aPledgeOfAnotherOrganisationIsAnInvalidInputProblemAndNoMoveIsRecorded() throws Exception {
        when(commitments.find(PLEDGE)).thenReturn(Optional.of(pledgeOf("hackney")));
        mvc.perform(post("/api/practices/" + PRACTICE + "/adoptions/camden/moves")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"EMBEDDED\",\"happenedOn\":\"2026-10-01\",\"fulfilsPledgeId\":\"" + PLEDGE
                                + "\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fulfilsPledgeId"))
                .andExpect(jsonPath("$.detail").value("Choose a pledge of the organisation whose adoption moved"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aMoveTheAdoptionRefusesIsA422Problem() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("A move cannot be dated before the practice was first tried"));
        mvc.perform(post("/api/practices/" + PRACTICE + "/adoptions/camden/moves")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"AWARE\",\"happenedOn\":\"2020-01-01\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail").value("A move cannot be dated before the practice was first tried"));
    }

    @Test
    void anOutcomeSendsReportOutcomeUnderTheClientsId() throws Exception {
        mvc.perform(post("/api/practices/" + PRACTICE + "/adoptions/camden/outcomes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + OUTCOME + "\",\"kind\":\"CASHABLE_SAVING\",\"amountPence\":125000,"
                                + "\"recurrence\":\"ONE_OFF\",\"periodStart\":\"2025-04-01\","
                                + "\"periodEnd\":\"2026-03-31\",\"source\":\"Outturn\",\"evidenceLevel\":2}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(OUTCOME));
        verify(gateway)
                .sendAndWait(new ReportOutcome(
                        ADOPTION,
                        OUTCOME,
                        OutcomeKind.CASHABLE_SAVING,
                        125_000L,
                        SavingRecurrence.ONE_OFF,
                        LocalDate.of(2025, 4, 1),
                        LocalDate.of(2026, 3, 31),
                        null,
                        null,
                        null,
                        null,
                        "Outturn",
                        2,
                        member,
                        NOW));
    }

    @Test
    void anOutcomeOfAnAdoptionThatDoesNotExistIsNotFoundAndNothingIsSent() throws Exception {
        mvc.perform(post("/api/practices/" + PRACTICE + "/adoptions/hackney/outcomes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"QUALITY_MEASURE\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void verifyingWithoutADayVerifiesOnTodayInLondon() throws Exception {
        mvc.perform(post("/api/practices/" + PRACTICE + "/adoptions/camden/outcomes/o1/verification")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("o1"));
        verify(gateway).sendAndWait(new VerifyOutcome(ADOPTION, "o1", LocalDate.of(2026, 11, 3), member, NOW));
    }

    private static CommitmentView pledgeOf(String organisationId) {
        return new CommitmentView(
                PLEDGE,
                CommitmentView.PLEDGE,
                "r1",
                null,
                null,
                null,
                "Pilot the shared panel",
                MEMBER.memberId(),
                organisationId,
                LocalDate.of(2027, 3, 31),
                "g1",
                null,
                LocalDate.of(2026, 10, 1),
                MEMBER.memberId(),
                Instant.parse("2026-10-01T10:00:00Z"),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                Map.of(),
                null);
    }
}
