package org.collaborative.app.web.home;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.People;
import org.collaborative.app.notification.NotificationViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Where signing in lands: the member's groups, what waits on them, and what their council posted lately. */
@ControllerSlice(HomeController.class)
class HomeControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GroupViews groups;

    @Autowired
    ItemViews items;

    @Autowired
    NotificationViews notifications;

    @Autowired
    People people;

    @BeforeEach
    void theMemberIsInOneGroup() {
        when(groups.allWithoutQuestions()).thenReturn(List.of(Slices.group()));
        when(notifications.centre(any(), eq(NOW))).thenReturn(List.of());
        when(people.names(Set.of(MEMBER.memberId()), Set.of("camden")))
                .thenReturn(new People.Names(
                        Map.of(
                                MEMBER.memberId(),
                                new Accounts.Account(
                                        MEMBER.memberId(),
                                        "mo@camden.example",
                                        "Mo Member",
                                        "",
                                        "camden",
                                        MemberRole.SERVICE_LEADER,
                                        null)),
                        Map.of(
                                "camden",
                                new OrganisationCard(
                                        "camden", "Camden", "LOCAL_AUTHORITY", null, null, null, null, Map.of(), 1L))));
    }

    @Test
    void showsTheMembersGroupsAndAProposalWaitingOnThemAndTheirCouncilsPosts() throws Exception {
        when(items.ofType(ItemType.PROPOSAL, Set.of(GROUP), null))
                .thenReturn(List.of(Slices.item("p1", "proposal", "OPEN_FOR_CHALLENGE", FACILITATOR)));
        when(items.latestFrom(eq("camden"), eq(Set.of(GROUP)), anyInt()))
                .thenReturn(List.of(Slices.item("q1", "question", "OPEN", FACILITATOR)));
        mvc.perform(get("/").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("home/home"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"groups-heading\""),
                                containsString("Temporary accommodation"),
                                containsString(
                                        "Open for challenge in ‘Temporary accommodation’: endorse or challenge it."),
                                containsString("href=\"/items/p1\""),
                                containsString("Lately from Camden"),
                                containsString("Title of q1"))));
    }

    @Test
    void aProposalTheMemberWroteDoesNotWaitOnThem() throws Exception {
        when(items.ofType(ItemType.PROPOSAL, Set.of(GROUP), null))
                .thenReturn(List.of(Slices.item("p2", "proposal", "OPEN_FOR_CHALLENGE", MEMBER)));
        mvc.perform(get("/").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/items/p2\""))));
    }
}
