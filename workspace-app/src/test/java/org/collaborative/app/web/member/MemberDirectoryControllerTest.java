package org.collaborative.app.web.member;

import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
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
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The member directory, filtered by organisation, and an organisation's profile within the groups the reader sees. */
@ControllerSlice(MemberDirectoryController.class)
class MemberDirectoryControllerTest {

    private static final Accounts.Account MO = new Accounts.Account(
            MEMBER.memberId(),
            "mo@camden.example",
            "Mo Member",
            "Head of housing",
            "camden",
            MemberRole.SERVICE_LEADER,
            null);
    private static final OrganisationCard CAMDEN = new OrganisationCard(
            "camden", "London Borough of Camden", "LOCAL_AUTHORITY", null, null, null, null, Map.of(), 1L);

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    OrganisationViews organisations;

    @Autowired
    GroupViews groups;

    @Autowired
    ItemViews items;

    @BeforeEach
    void camdenHasOneMember() {
        when(organisations.all()).thenReturn(List.of(CAMDEN));
        when(organisations.byId(Set.of("camden"))).thenReturn(Map.of("camden", CAMDEN));
        when(accounts.directory("camden")).thenReturn(List.of(MO));
        when(groups.allWithoutQuestions()).thenReturn(List.of(Slices.group()));
    }

    @Test
    void theDirectoryOfOneOrganisationListsItsMembersWithTheirRole() throws Exception {
        mvc.perform(get("/members?organisation=camden").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("member/directory"))
                .andExpect(content()
                        .string(allOf(
                                containsString("1 member"),
                                containsString("Mo Member"),
                                containsString("Head of housing"),
                                containsString("Service leader"),
                                containsString("value=\"camden\" selected"),
                                containsString("href=\"/organisations/camden\""))));
    }

    @Test
    void anOrganisationsProfileShowsItsMembersGroupsAndPostsInVisibleGroups() throws Exception {
        when(items.ofType(eq(ItemType.QUESTION), eq(Set.of(GROUP)), any()))
                .thenReturn(List.of(
                        Slices.item("q1", "question", "OPEN", MEMBER),
                        Slices.item("q2", "question", "OPEN", Slices.OUTSIDER)));
        mvc.perform(get("/organisations/camden").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("member/organisation"))
                .andExpect(content()
                        .string(allOf(
                                containsString("London Borough of Camden"),
                                containsString("What its members have posted (1)"),
                                containsString("href=\"/items/q1\""),
                                not(containsString("href=\"/items/q2\"")),
                                containsString("Working groups it takes part in (1)"),
                                containsString("Temporary accommodation"),
                                containsString("Mo Member"))));
    }

    @Test
    void anUnknownOrganisationIsNotFound() throws Exception {
        when(organisations.byId(Set.of("nowhere"))).thenReturn(Map.of());
        mvc.perform(get("/organisations/nowhere").with(as(MEMBER))).andExpect(status().isNotFound());
    }
}
