package org.collaborative.app.web.commitment;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.commitment.AgreeAction;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.MakePledge;
import org.collaborative.app.commitment.RecordProgress;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.views.commitment.CommitmentView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A retreat's actions and pledges as JSON: the lists, the exact commands, and refusals as problem details. */
@ControllerSlice(CommitmentApi.class)
class CommitmentApiTest {

    private static final String RETREAT = "r1";
    private static final String ACTION = "11111111-2222-4333-8444-555555555555";
    private static final String PLEDGE = "11111111-2222-4333-8444-666666666666";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    Accounts accounts;

    @Autowired
    CommitmentViews commitments;

    @Autowired
    CommitmentAccess access;

    private static CommitmentView commitment(String id, String kind, String title) {
        return new CommitmentView(
                id,
                kind,
                RETREAT,
                null,
                null,
                null,
                title,
                MEMBER.memberId(),
                MEMBER.organisationId(),
                LocalDate.of(2027, 3, 31),
                "g1",
                null,
                LocalDate.of(2026, 10, 1),
                FACILITATOR.memberId(),
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

    private final CommitmentView action = commitment(ACTION, CommitmentView.ACTION, "Draft the joint specification");
    private final CommitmentView pledge = commitment(PLEDGE, CommitmentView.PLEDGE, "Pilot the shared panel");

    @BeforeEach
    void anActionAndAPledge() {
        when(commitments.ofRetreat(RETREAT)).thenReturn(List.of(action, pledge));
        when(commitments.find(ACTION)).thenReturn(Optional.of(action));
        when(accounts.find(MEMBER.memberId()))
                .thenReturn(Optional.of(new Accounts.Account(
                        MEMBER.memberId(),
                        "member@camden.example",
                        "Mo Member",
                        "Head of housing",
                        MEMBER.organisationId(),
                        MemberRole.SERVICE_LEADER,
                        null)));
    }

    @Test
    void listsTheRetreatsActionsAndPledgesApart() throws Exception {
        mvc.perform(get("/api/retreats/" + RETREAT + "/commitments").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions.length()").value(1))
                .andExpect(jsonPath("$.actions[0].title").value("Draft the joint specification"))
                .andExpect(jsonPath("$.pledges[0].id").value(PLEDGE));
    }

    @Test
    void aRetreatThePersonMayNotSeeIsNotFound() throws Exception {
        doThrow(new NotFoundException("retreat")).when(access).requireVisible(eq(RETREAT), any());
        mvc.perform(get("/api/retreats/" + RETREAT + "/commitments").with(as(OUTSIDER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
    }

    @Test
    void agreeingAnActionSendsAgreeActionWithTheOwnersOrganisationAndIs201() throws Exception {
        mvc.perform(post("/api/retreats/" + RETREAT + "/actions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + ACTION + "\",\"title\":\"Draft the joint specification\","
                                + "\"ownerId\":\"" + MEMBER.memberId() + "\",\"dueOn\":\"2027-03-31\","
                                + "\"groupId\":\"g1\",\"sessionId\":\"s1\",\"fromClusterId\":\"c1\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/commitments/" + ACTION))
                .andExpect(jsonPath("$.id").value(ACTION));
        verify(gateway)
                .sendAndWait(new AgreeAction(
                        ACTION,
                        RETREAT,
                        "s1",
                        null,
                        "c1",
                        "Draft the joint specification",
                        MEMBER.memberId(),
                        MEMBER.organisationId(),
                        LocalDate.of(2027, 3, 31),
                        "g1",
                        null,
                        new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }

    @Test
    void anActionWithoutATitleOrAUuidIdIsAnInvalidInputProblemAndNothingIsSent() throws Exception {
        mvc.perform(post("/api/retreats/" + RETREAT + "/actions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"not-a-uuid\",\"title\":\"\",\"ownerId\":\"" + MEMBER.memberId()
                                + "\",\"dueOn\":\"2027-03-31\",\"groupId\":\"g1\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        verifyNoInteractions(gateway);
    }

    @Test
    void anUnknownOwnerIsAnInvalidInputProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/retreats/" + RETREAT + "/actions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Draft\",\"ownerId\":\"nobody\",\"dueOn\":\"2027-03-31\","
                                + "\"groupId\":\"g1\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"))
                .andExpect(jsonPath("$.detail").value("Choose who owns the action"));
        verifyNoInteractions(gateway);
    }

    @Test
    void makingAPledgeSendsMakePledgeAndARefusalIsA422Problem() throws Exception {
        String body = "{\"id\":\"" + PLEDGE + "\",\"text\":\"Pilot the shared panel\",\"byDate\":\"2027-01-31\","
                + "\"groupId\":\"g1\",\"proposalId\":\"p1\"}";
        mvc.perform(post("/api/retreats/" + RETREAT + "/pledges")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(PLEDGE));
        MakePledge sent = new MakePledge(
                PLEDGE,
                RETREAT,
                null,
                null,
                null,
                "Pilot the shared panel",
                LocalDate.of(2027, 1, 31),
                "g1",
                "p1",
                new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                NOW);
        verify(gateway).sendAndWait(sent);

        when(gateway.sendAndWait(sent))
                .thenThrow(new RuleBrokenException("Only people with a place at the retreat can make a pledge"));
        mvc.perform(post("/api/retreats/" + RETREAT + "/pledges")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail").value("Only people with a place at the retreat can make a pledge"));
    }

    @Test
    void recordingProgressSendsRecordProgress() throws Exception {
        when(access.mayRecordProgress(action, MEMBER)).thenReturn(true);
        mvc.perform(post("/api/commitments/" + ACTION + "/progress")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"progress\":\"AT_RISK\",\"reason\":\"Budget not agreed\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ACTION));
        verify(gateway)
                .sendAndWait(new RecordProgress(
                        ACTION,
                        CommitmentProgress.AT_RISK,
                        "Budget not agreed",
                        new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        NOW));
    }

    @Test
    void progressOnACommitmentThePersonMayNotTouchIsNotFoundAndNothingIsSent() throws Exception {
        when(access.mayRecordProgress(any(), any())).thenReturn(false);
        mvc.perform(post("/api/commitments/" + ACTION + "/progress")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"progress\":\"DONE\"}")
                        .with(as(OUTSIDER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }
}
