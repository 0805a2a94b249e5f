package org.collaborative.app.web.retreat;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.retreat.AttendanceNeeds;
import org.collaborative.app.retreat.Retreat;
import org.collaborative.app.retreat.RetreatCommands;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.views.retreat.RetreatView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(RetreatController.class)
class RetreatControllerTest {

    static final String RETREAT = "22222222-2222-4222-8222-222222222222";
    static final LocalDateTime STARTS = LocalDateTime.of(2026, 12, 10, 12, 0);

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    RetreatViews retreats;

    static RetreatView retreat(String status) {
        return new RetreatView(
                RETREAT,
                "Chief executives' retreat",
                "CHIEF_EXECUTIVES_RETREAT",
                "Cumberland Lodge",
                "",
                STARTS,
                STARTS.plusDays(1),
                20,
                List.of(),
                false,
                FACILITATOR.memberId(),
                NOW,
                status,
                "CANCELLED".equals(status) ? "Snow." : null,
                List.of(new RetreatView.Session(
                        "s1",
                        "Behaviour change",
                        "BREAKOUT",
                        STARTS.plusHours(2),
                        STARTS.plusHours(4),
                        "Library",
                        FACILITATOR.memberId(),
                        null,
                        null)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                null,
                List.of(),
                Map.of(),
                null);
    }

    @BeforeEach
    void aRetreat() {
        when(retreats.visible(ArgumentMatchers.eq(RETREAT), any())).thenReturn(retreat("SCHEDULED"));
        when(retreats.facilitates(anyString(), any()))
                .thenAnswer(call -> FACILITATOR
                        .memberId()
                        .equals(((org.collaborative.app.account.WorkspaceUser) call.getArgument(1)).memberId()));
        when(retreats.awaitUntil(anyString(), any(), any())).thenReturn(Optional.of(retreat("SCHEDULED")));
    }

    @Test
    void showsTheRetreatWithItsAgendaAndThePlacesLeftForTheBoardAndOutputs() throws Exception {
        mvc.perform(get("/retreats/" + RETREAT).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("retreat/retreat"))
                .andExpect(content().string(containsString("Behaviour change")))
                .andExpect(content().string(containsString("from 10 December 2026, 12:00 to 11 December 2026, 12:00")))
                .andExpect(content().string(containsString(">Register<")))
                .andExpect(content().string(containsString("<!-- live board: board/")))
                .andExpect(content().string(containsString("id=\"retreat-outputs\"")));
    }

    @Test
    void theSessionPageHasThePlacesForTheBoardAndOutputs() throws Exception {
        mvc.perform(get("/retreats/" + RETREAT + "/sessions/s1").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<!-- live board: board/session-board.html")))
                .andExpect(content().string(containsString("id=\"retreat-outputs\"")));
    }

    @Test
    void registeringSendsTheNeedsWithTheCommand() throws Exception {
        mvc.perform(post("/retreats/" + RETREAT + "/register")
                        .param("access", "Step-free access")
                        .param("dietary", "Vegan")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/retreats/" + RETREAT + "?saved=registered#your-place"));
        verify(gateway)
                .sendAndWait(new RetreatCommands.RegisterForRetreat(
                        RETREAT,
                        new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        new AttendanceNeeds("Step-free access", "Vegan"),
                        NOW));
    }

    @Test
    void registeringForACancelledRetreatShowsTheRefusalAndKeepsWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new Retreat.RetreatCancelledException());
        mvc.perform(post("/retreats/" + RETREAT + "/register")
                        .param("access", "Hearing loop")
                        .param("dietary", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("retreat/retreat"))
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("This retreat has been cancelled")))
                .andExpect(content().string(containsString("Hearing loop")));
    }

    @Test
    void twoBreakoutsGivenOneRankAreRefusedWithALinkToTheBreakoutsAndNothingIsSent() throws Exception {
        mvc.perform(post("/retreats/" + RETREAT + "/preferences")
                        .param("rank-s1", "1")
                        .param("rank-s2", "1")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("retreat/retreat"))
                .andExpect(content().string(containsString("href=\"#breakouts\"")))
                .andExpect(content().string(containsString("Give each breakout a different rank")));
        verifyNoInteractions(gateway);
    }

    @Test
    void schedulingWithTheEndBeforeTheStartAndNoPlacesShowsBothErrorsAndSendsNothing() throws Exception {
        mvc.perform(post("/retreats")
                        .param("retreatId", RETREAT)
                        .param("title", "Spring conference")
                        .param("kind", "ONE_DAY_CONFERENCE")
                        .param("place", "Guildhall")
                        .param("startsAt", "2027-04-01T17:00")
                        .param("endsAt", "2027-04-01T09:00")
                        .param("capacity", "0")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("retreat/form"))
                .andExpect(content().string(containsString("href=\"#endsAt\"")))
                .andExpect(content().string(containsString("The end must be after the start")))
                .andExpect(content().string(containsString("Capacity must be at least 1")))
                .andExpect(content().string(containsString("value=\"Spring conference\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void onlyFacilitatorsMaySchedule() throws Exception {
        mvc.perform(get("/retreats/new").with(as(MEMBER))).andExpect(status().isNotFound());
    }

    @Test
    void aSessionOutsideTheRetreatIsRefusedOnItsStart() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new Retreat.SessionOutsideRetreatException(STARTS, STARTS.plusDays(1)));
        mvc.perform(post("/retreats/" + RETREAT + "/sessions")
                        .param("sessionId", "s2")
                        .param("title", "Dinner")
                        .param("kind", "PLENARY")
                        .param("startsAt", "2026-12-12T19:00")
                        .param("endsAt", "2026-12-12T21:00")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("retreat/session-form"))
                .andExpect(content().string(containsString("href=\"#startsAt\"")))
                .andExpect(content().string(containsString("must be within the retreat")))
                .andExpect(content().string(containsString("value=\"2026-12-12T19:00\"")));
    }

    @Test
    void allocatingSendsOneCommand() throws Exception {
        mvc.perform(post("/retreats/" + RETREAT + "/allocate")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/retreats/" + RETREAT + "?saved=allocated#breakouts"));
        verify(gateway).sendAndWait(ArgumentMatchers.argThat((ArgumentMatcher<Object>)
                command -> command instanceof RetreatCommands.AllocateBreakouts a
                        && a.retreatId().equals(RETREAT)));
    }

    @Test
    void theOrganisersListIsForFacilitatorsOnly() throws Exception {
        mvc.perform(get("/retreats/" + RETREAT + "/people").with(as(MEMBER))).andExpect(status().isNotFound());
    }
}
