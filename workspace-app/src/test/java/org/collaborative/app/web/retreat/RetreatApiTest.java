package org.collaborative.app.web.retreat;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.collaborative.app.web.retreat.RetreatControllerTest.RETREAT;
import static org.collaborative.app.web.retreat.RetreatControllerTest.STARTS;
import static org.collaborative.app.web.retreat.RetreatControllerTest.retreat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.retreat.AttendanceNeeds;
import org.collaborative.app.retreat.RetreatAttendance;
import org.collaborative.app.retreat.RetreatCommands;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Retreats as JSON: the lists, the exact scheduling, planning and registration commands, and the problems. */
@ControllerSlice(RetreatApi.class)
class RetreatApiTest {

    private static final String NEW_RETREAT = "33333333-3333-4333-8333-333333333333";
    private static final String SESSION = "44444444-4444-4444-8444-444444444444";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    RetreatViews retreats;

    @Autowired
    RetreatAttendance attendance;

    @BeforeEach
    void aRetreat() {
        when(retreats.visible(eq(RETREAT), any())).thenReturn(retreat("SCHEDULED"));
        when(retreats.visible(eq("hidden"), any())).thenThrow(new NotFoundException("retreat"));
        when(retreats.visibleTo(any())).thenReturn(List.of(retreat("SCHEDULED")));
        when(retreats.facilitates(anyString(), eq(FACILITATOR))).thenReturn(true);
    }

    private static Actor actor(org.collaborative.app.account.WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }

    @Test
    void listsTheRetreatsTheCallerMaySeeAndOneWithItsAgenda() throws Exception {
        mvc.perform(get("/api/retreats").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].retreatId").value(RETREAT))
                .andExpect(jsonPath("$[0].placesTaken").value(0))
                .andExpect(jsonPath("$[0].startsAt").value("2026-12-10T12:00:00"));
        mvc.perform(get("/api/retreats/" + RETREAT + "/sessions").with(as(MEMBER)))
                .andExpect(jsonPath("$[0].title").value("Behaviour change"));
        mvc.perform(get("/api/retreats/hidden").with(as(MEMBER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
    }

    @Test
    void schedulingSendsScheduleRetreatUnderTheClientsIdAndIs201() throws Exception {
        mvc.perform(post("/api/retreats")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"retreatId\":\"" + NEW_RETREAT + "\",\"title\":\"Spring retreat\","
                                + "\"kind\":\"ONE_DAY_CONFERENCE\",\"place\":\"City Hall\","
                                + "\"startsAt\":\"2027-03-04T09:30\",\"endsAt\":\"2027-03-04T17:00\","
                                + "\"capacity\":40,\"themeIds\":[\"housing\"],\"inviteOnly\":true}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/retreats/" + NEW_RETREAT));
        verify(gateway)
                .sendAndWait(new RetreatCommands.ScheduleRetreat(
                        NEW_RETREAT,
                        new RetreatCommands.Details(
                                "Spring retreat",
                                RetreatKind.ONE_DAY_CONFERENCE,
                                "City Hall",
                                null,
                                LocalDateTime.of(2027, 3, 4, 9, 30),
                                LocalDateTime.of(2027, 3, 4, 17, 0),
                                40,
                                List.of("housing"),
                                true),
                        actor(FACILITATOR),
                        NOW));
    }

    @Test
    void aRetreatScheduledWithoutSayingWhetherItIsInviteOnlyIsOpen() throws Exception {
        mvc.perform(post("/api/retreats")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"retreatId\":\"" + NEW_RETREAT + "\",\"title\":\"Spring retreat\","
                                + "\"kind\":\"ONE_DAY_CONFERENCE\",\"onlineLink\":\"https://meet.example/x\","
                                + "\"startsAt\":\"2027-03-04T09:30\",\"endsAt\":\"2027-03-04T17:00\",\"capacity\":40}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isCreated());
        verify(gateway)
                .sendAndWait(new RetreatCommands.ScheduleRetreat(
                        NEW_RETREAT,
                        new RetreatCommands.Details(
                                "Spring retreat",
                                RetreatKind.ONE_DAY_CONFERENCE,
                                null,
                                "https://meet.example/x",
                                LocalDateTime.of(2027, 3, 4, 9, 30),
                                LocalDateTime.of(2027, 3, 4, 17, 0),
                                40,
                                List.of(),
                                false),
                        actor(FACILITATOR),
                        NOW));
    }

    @Test
    void aMemberCannotScheduleAndAnIncompleteRetreatIsAnInvalidInputProblem() throws Exception {
        mvc.perform(post("/api/retreats")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Spring retreat\",\"kind\":\"ONE_DAY_CONFERENCE\","
                                + "\"startsAt\":\"2027-03-04T09:30\",\"endsAt\":\"2027-03-04T17:00\",\"capacity\":4,"
                                + "\"inviteOnly\":false}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/retreats")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"kind\":\"ONE_DAY_CONFERENCE\","
                                + "\"startsAt\":\"2027-03-04T09:30\",\"endsAt\":\"2027-03-04T17:00\",\"capacity\":4,"
                                + "\"inviteOnly\":false}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.detail").value("Enter a title"));
        verifyNoInteractions(gateway);
    }

    @Test
    void planningASessionSendsPlanSessionForItsFacilitatorsOnly() throws Exception {
        String body = "{\"sessionId\":\"" + SESSION + "\",\"title\":\"Plenary\",\"kind\":\"PLENARY\","
                + "\"startsAt\":\"2026-12-10T13:00\",\"endsAt\":\"2026-12-10T14:00\",\"room\":\"Hall\"}";
        mvc.perform(post("/api/retreats/" + RETREAT + "/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);

        mvc.perform(post("/api/retreats/" + RETREAT + "/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(SESSION));
        verify(gateway)
                .sendAndWait(new RetreatCommands.PlanSession(
                        RETREAT,
                        SESSION,
                        new RetreatCommands.Session(
                                "Plenary",
                                SessionKind.PLENARY,
                                STARTS.plusHours(1),
                                STARTS.plusHours(2),
                                "Hall",
                                null,
                                null,
                                null),
                        actor(FACILITATOR),
                        NOW));
    }

    @Test
    void registeringSendsTheNeedsAndSaysWhetherAPlaceOrTheWaitingListWasTaken() throws Exception {
        when(attendance.isParticipant(RETREAT, MEMBER.memberId())).thenReturn(true);
        mvc.perform(post("/api/retreats/" + RETREAT + "/registration")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"access\":\"Step-free access\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.place").value("REGISTERED"));
        verify(gateway)
                .sendAndWait(new RetreatCommands.RegisterForRetreat(
                        RETREAT, actor(MEMBER), new AttendanceNeeds("Step-free access", null), NOW));

        when(attendance.isParticipant(RETREAT, MEMBER.memberId())).thenReturn(false);
        mvc.perform(post("/api/retreats/" + RETREAT + "/registration")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.place").value("WAITING"));
    }

    @Test
    void aRegistrationTheRetreatRefusesIsA422Problem() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("This retreat has been cancelled"));
        mvc.perform(post("/api/retreats/" + RETREAT + "/registration")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail").value("This retreat has been cancelled"));
    }

    @Test
    void givingUpAPlaceSendsGiveUpPlace() throws Exception {
        mvc.perform(delete("/api/retreats/" + RETREAT + "/registration")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.place").doesNotExist());
        verify(gateway).sendAndWait(new RetreatCommands.GiveUpPlace(RETREAT, actor(MEMBER), NOW));
    }
}
