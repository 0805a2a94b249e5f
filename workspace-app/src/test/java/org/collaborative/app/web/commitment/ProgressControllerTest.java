package org.collaborative.app.web.commitment;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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
import org.collaborative.app.commitment.RecordProgress;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.People;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Recording progress: the form, the exact command, and "dropped" without a reason refused before any command. */
@ControllerSlice(ProgressController.class)
class ProgressControllerTest {

    private static final String ID = "11111111-2222-4333-8444-555555555555";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    People people;

    @Autowired
    CommitmentViews commitments;

    @Autowired
    CommitmentAccess access;

    @Autowired
    PracticeViews practices;

    private final CommitmentView action = new CommitmentView(
            ID,
            CommitmentView.ACTION,
            "r1",
            null,
            null,
            null,
            "Draft the joint specification",
            MEMBER.memberId(),
            MEMBER.organisationId(),
            LocalDate.of(2027, 3, 31),
            "g1",
            null,
            LocalDate.of(2026, 10, 1),
            "amara",
            Instant.parse("2026-10-01T10:00:00Z"),
            null,
            null,
            null,
            null,
            List.of(new CommitmentView.CheckIn(30, Instant.parse("2026-10-31T09:00:00Z"), null)),
            null,
            null,
            Map.of(),
            null);

    @BeforeEach
    void anAction() {
        when(commitments.find(ID)).thenReturn(Optional.of(action));
        when(commitments.await(any(), any(), any())).thenReturn(Optional.of(action));
        when(access.mayRecordProgress(any(), any())).thenReturn(true);
        when(people.names(anyCollection(), anyCollection())).thenReturn(new People.Names(Map.of(), Map.of()));
    }

    @Test
    void showsTheFormWithTheWaitingCheckIn() throws Exception {
        mvc.perform(get("/commitments/" + ID + "/progress").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("commitment/progress"))
                .andExpect(content().string(containsString("Draft the joint specification")))
                .andExpect(content().string(containsString("30-day check-in waiting since 31 October 2026")));
    }

    @Test
    void recordingSendsRecordProgress() throws Exception {
        mvc.perform(post("/commitments/" + ID + "/progress")
                        .param("progress", "AT_RISK")
                        .param("reason", "Budget not agreed")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/commitments?done=" + ID));
        verify(gateway)
                .sendAndWait(new RecordProgress(
                        ID,
                        CommitmentProgress.AT_RISK,
                        "Budget not agreed",
                        new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        NOW));
    }

    @Test
    void droppedWithoutAReasonIsRefusedKeepingTheChoiceAndSendsNothing() throws Exception {
        mvc.perform(post("/commitments/" + ID + "/progress")
                        .param("progress", "DROPPED")
                        .param("reason", " ")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("commitment/progress"))
                .andExpect(content().string(containsString("href=\"#reason\"")))
                .andExpect(content().string(containsString("Enter why it was dropped")))
                .andExpect(content()
                        .string(containsString("aria-describedby=\"progress-DROPPED-hint\" checked=\"checked\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void noChoiceIsRefused() throws Exception {
        mvc.perform(post("/commitments/" + ID + "/progress").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose how it is going")));
        verifyNoInteractions(gateway);
    }

    @Test
    void someoneElsesCommitmentIsNotFound() throws Exception {
        when(access.mayRecordProgress(any(), any())).thenReturn(false);
        mvc.perform(get("/commitments/" + ID + "/progress").with(as(MEMBER))).andExpect(status().isNotFound());
    }

    private static final String PLEDGE = "99999999-2222-4333-8444-555555555555";

    /** Camden's open pledge, made at the retreat by the member. */
    private static CommitmentView pledge(String progress, CommitmentView.Fulfilment fulfilledBy) {
        return new CommitmentView(
                PLEDGE,
                CommitmentView.PLEDGE,
                "r1",
                null,
                null,
                null,
                "Camden will pilot the e-auction by March",
                MEMBER.memberId(),
                MEMBER.organisationId(),
                LocalDate.of(2027, 3, 31),
                "g1",
                null,
                LocalDate.of(2026, 10, 1),
                MEMBER.memberId(),
                Instant.parse("2026-10-01T10:00:00Z"),
                progress,
                null,
                null,
                null,
                List.of(),
                null,
                fulfilledBy,
                Map.of(),
                null);
    }

    private static final AdoptionView PILOTING = new AdoptionView(
            "pr1:" + MEMBER.organisationId(),
            "pr1",
            MEMBER.organisationId(),
            "PILOTING",
            LocalDate.of(2026, 10, 20),
            null,
            List.of(),
            List.of(),
            Map.of(),
            1L);

    private static final PracticeView AUCTION = new PracticeView(
            "pr1",
            "IT hardware e-auction",
            "Buy together.",
            "housing",
            "hackney",
            null,
            "amara",
            Instant.parse("2026-01-01T09:00:00Z"),
            LocalDate.of(2024, 10, 1),
            null,
            List.of(),
            List.of(),
            Map.of(),
            1L);

    @Test
    void theOpenPledgesPageOffersTheCouncilsAdoptionMovesAndFulfillingSendsTheChosenMove() throws Exception {
        when(commitments.find(PLEDGE)).thenReturn(Optional.of(pledge(null, null)));
        when(practices.adoptionsBy(MEMBER.organisationId())).thenReturn(List.of(PILOTING));
        when(practices.adoption("pr1", MEMBER.organisationId())).thenReturn(Optional.of(PILOTING));
        when(practices.find("pr1")).thenReturn(Optional.of(AUCTION));
        mvc.perform(get("/commitments/" + PLEDGE + "/progress").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fulfilment-form\"")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<option value=\"pr1\">IT hardware e-auction: Piloting since 20 October 2026</option>")));
        mvc.perform(post("/commitments/" + PLEDGE + "/fulfilment")
                        .param("practiceId", "pr1")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/commitments?done=" + PLEDGE));
        verify(gateway)
                .sendAndWait(new FulfilPledgeByAdoption(
                        PLEDGE,
                        "pr1",
                        MEMBER.organisationId(),
                        AdoptionStage.PILOTING,
                        LocalDate.of(2026, 10, 20),
                        new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        NOW));
    }

    @Test
    void noMoveOrAnotherCouncilsIsAnErrorAndSendsNothing() throws Exception {
        when(commitments.find(PLEDGE)).thenReturn(Optional.of(pledge(null, null)));
        when(practices.adoptionsBy(MEMBER.organisationId())).thenReturn(List.of(PILOTING));
        when(practices.find("pr1")).thenReturn(Optional.of(AUCTION));
        mvc.perform(post("/commitments/" + PLEDGE + "/fulfilment")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<a href=\"#fulfilment-practiceId\">Choose the adoption move that fulfilled the pledge</a>")));
        // A practice the council has not moved on (another council's adoption) is no move of this pledge's council.
        when(practices.adoption("pr9", MEMBER.organisationId())).thenReturn(Optional.empty());
        mvc.perform(post("/commitments/" + PLEDGE + "/fulfilment")
                        .param("practiceId", "pr9")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose the adoption move that fulfilled the pledge")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aFulfilledPledgeLinksToThePracticeAndOffersNoMoreMoves() throws Exception {
        when(commitments.find(PLEDGE))
                .thenReturn(Optional.of(
                        pledge("DONE", new CommitmentView.Fulfilment("pr1", "PILOTING", LocalDate.of(2026, 10, 20)))));
        when(practices.find("pr1")).thenReturn(Optional.of(AUCTION));
        mvc.perform(get("/commitments/" + PLEDGE + "/progress").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fulfilled-by\"")))
                .andExpect(content().string(containsString("href=\"/practices/pr1\">IT hardware e-auction</a>")))
                .andExpect(content().string(not(containsString("id=\"fulfilment-form\""))));
    }
}
