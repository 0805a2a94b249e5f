package org.collaborative.app.web.commitment;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
import org.collaborative.app.commitment.AgreeAction;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.MakePledge;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.People;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.commitment.CommitmentView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A retreat's outputs: the page and the section the retreat page loads with htmx, the forms that agree an action and
 * make a pledge with their exact commands, and the GOV.UK error summary for what is missing or refused.
 */
@ControllerSlice(OutputsController.class)
class OutputsControllerTest {

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
    People people;

    @Autowired
    GroupViews groups;

    @Autowired
    CommitmentViews commitments;

    @Autowired
    CommitmentAccess access;

    @Autowired
    RetreatPeople retreatPeople;

    private static final Accounts.Account MO = new Accounts.Account(
            MEMBER.memberId(),
            "mo@camden.example",
            "Mo Member",
            "Head of housing",
            "camden",
            MemberRole.SERVICE_LEADER,
            null);

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
                Slices.GROUP,
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

    @BeforeEach
    void aRetreatWithAnActionAndAPledge() {
        when(commitments.ofRetreat(RETREAT))
                .thenReturn(List.of(
                        commitment(ACTION, CommitmentView.ACTION, "Draft the joint specification"),
                        commitment(PLEDGE, CommitmentView.PLEDGE, "Pilot the shared panel")));
        when(access.mayAgreeActions(eq(RETREAT), any())).thenAnswer(call -> FACILITATOR.equals(call.getArgument(1)));
        when(access.mayPledge(eq(RETREAT), any())).thenReturn(true);
        when(groups.allWithoutQuestions()).thenReturn(List.of(Slices.group()));
        when(retreatPeople.ownersToChoose(RETREAT)).thenReturn(List.of(MEMBER.memberId()));
        when(people.names(any(), any())).thenReturn(new People.Names(Map.of(MEMBER.memberId(), MO), Map.of()));
        when(accounts.find(MEMBER.memberId())).thenReturn(Optional.of(MO));
    }

    @Test
    void thePageListsActionsAndPledgesApartAndOffersTheFacilitatorsForm() throws Exception {
        mvc.perform(get("/retreats/" + RETREAT + "/outputs").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("commitment/outputs"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<html"),
                                // A page of its own has a level-one heading (axe: page-has-heading-one).
                                containsString("<h1 class=\"govuk-heading-l\" id=\"outputs-heading\">"),
                                containsString("id=\"actions-table\""),
                                containsString("id=\"commitment-" + ACTION + "\""),
                                containsString("Draft the joint specification"),
                                containsString("id=\"pledges-table\""),
                                containsString("Pilot the shared panel"),
                                containsString("href=\"/retreats/" + RETREAT + "/actions/new\""))));
    }

    @Test
    void withHtmxOnlyTheSectionIsRenderedAndAMemberIsNotOfferedTheActionForm() throws Exception {
        mvc.perform(get("/retreats/" + RETREAT + "/outputs")
                        .header("HX-Request", "true")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("commitment/outputs :: retreat-outputs"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"retreat-outputs\""),
                                containsString("<h2 class=\"govuk-heading-l\" id=\"outputs-heading\">"),
                                containsString("Pilot the shared panel"),
                                not(containsString("<html")),
                                not(containsString("/actions/new")),
                                containsString("href=\"/retreats/" + RETREAT + "/pledges/new\""))));
    }

    @Test
    void theActionFormIsOnlyTheFacilitatorsAndOffersThePeopleAndGroups() throws Exception {
        mvc.perform(get("/retreats/" + RETREAT + "/actions/new").with(as(MEMBER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/retreats/" + RETREAT + "/actions/new?cluster=k1&group=" + Slices.GROUP)
                        .with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"fromClusterId\" value=\"k1\""),
                                containsString("Mo Member"),
                                containsString("Temporary accommodation"))));
    }

    @Test
    void agreeingAnActionSendsAgreeActionWithTheOwnersOrganisation() throws Exception {
        mvc.perform(post("/retreats/" + RETREAT + "/actions")
                        .param("actionId", ACTION)
                        .param("sessionId", "s1")
                        .param("fromClusterId", "k1")
                        .param("title", "Draft the joint specification")
                        .param("ownerId", MEMBER.memberId())
                        .param("dueDay", "31")
                        .param("dueMonth", "3")
                        .param("dueYear", "2027")
                        .param("groupId", Slices.GROUP)
                        .param("proposalId", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/retreats/" + RETREAT + "/outputs?done=action"));
        verify(gateway)
                .sendAndWait(new AgreeAction(
                        ACTION,
                        RETREAT,
                        "s1",
                        null,
                        "k1",
                        "Draft the joint specification",
                        MEMBER.memberId(),
                        "camden",
                        LocalDate.of(2027, 3, 31),
                        Slices.GROUP,
                        "",
                        new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }

    @Test
    void anActionWithoutATitleOrARealDateShowsEveryErrorAndSendsNothing() throws Exception {
        mvc.perform(post("/retreats/" + RETREAT + "/actions")
                        .param("actionId", ACTION)
                        .param("title", "")
                        .param("ownerId", MEMBER.memberId())
                        .param("dueDay", "31")
                        .param("dueMonth", "2")
                        .param("dueYear", "2027")
                        .param("groupId", Slices.GROUP)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("commitment/action-new"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: "),
                                containsString("There is a problem"),
                                containsString("<a href=\"#title\">Enter the action</a>"),
                                containsString(
                                        "<a href=\"#dueDay\">The due date must be a real date, for example 31 3 2027</a>"),
                                containsString("value=\"31\""))));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aDueDateTheCommitmentRefusesIsShownOnTheDateField() throws Exception {
        when(gateway.sendAndWait(any(AgreeAction.class)))
                .thenThrow(new InvalidInputException("dueOn", "The due date must be today or later"));
        mvc.perform(post("/retreats/" + RETREAT + "/actions")
                        .param("actionId", ACTION)
                        .param("title", "Draft")
                        .param("ownerId", MEMBER.memberId())
                        .param("dueDay", "1")
                        .param("dueMonth", "1")
                        .param("dueYear", "2020")
                        .param("groupId", Slices.GROUP)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<a href=\"#dueDay\">The due date must be today or later</a>")));
    }

    @Test
    void makingAPledgeSendsMakePledge() throws Exception {
        mvc.perform(post("/retreats/" + RETREAT + "/pledges")
                        .param("pledgeId", PLEDGE)
                        .param("text", "Pilot the shared panel")
                        .param("byDay", "31")
                        .param("byMonth", "1")
                        .param("byYear", "2027")
                        .param("groupId", Slices.GROUP)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/retreats/" + RETREAT + "/outputs?done=pledge"));
        verify(gateway)
                .sendAndWait(new MakePledge(
                        PLEDGE,
                        RETREAT,
                        null,
                        null,
                        null,
                        "Pilot the shared panel",
                        LocalDate.of(2027, 1, 31),
                        Slices.GROUP,
                        null,
                        new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role()),
                        NOW));
    }

    @Test
    void aPledgeWithoutTextOrDateShowsBothErrorsAndSendsNothing() throws Exception {
        mvc.perform(post("/retreats/" + RETREAT + "/pledges")
                        .param("pledgeId", PLEDGE)
                        .param("text", " ")
                        .param("groupId", Slices.GROUP)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("commitment/pledge-new"))
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("<a href=\"#text\">Enter your pledge</a>"),
                                containsString("<a href=\"#byDay\">Enter the date you pledge to do it by</a>"))));
        verify(gateway, never()).sendAndWait(any());
    }
}
