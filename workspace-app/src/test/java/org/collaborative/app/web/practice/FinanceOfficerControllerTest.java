package org.collaborative.app.web.practice;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
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

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.practice.DesignateFinanceOfficer;
import org.collaborative.app.practice.EndFinanceOfficerDesignation;
import org.collaborative.app.practice.PracticeDirectory;
import org.collaborative.app.practice.PracticeDirectory.FinanceOfficerEntry;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' page of finance officers: the list, designating a member, ending a designation. */
@ControllerSlice(FinanceOfficerController.class)
class FinanceOfficerControllerTest {

    private static final Accounts.Account FIONA = new Accounts.Account(
            "fiona",
            "fiona@hackney.example",
            "Fiona Adeyemi",
            "Director of finance",
            "hackney",
            MemberRole.SERVICE_LEADER,
            null);
    private static final Accounts.Account TOM = new Accounts.Account(
            "tom", "tom@camden.example", "Tom Hughes", "Head of IT", "camden", MemberRole.SERVICE_LEADER, null);

    private final Actor administrator =
            new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role());

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    Accounts accounts;

    @Autowired
    PracticeDirectory directory;

    @BeforeEach
    void fionaIsHackneysFinanceOfficer() {
        when(accounts.directory(null)).thenReturn(List.of(TOM, FIONA));
        when(accounts.find("fiona")).thenReturn(Optional.of(FIONA));
        when(accounts.find("tom")).thenReturn(Optional.of(TOM));
        when(directory.financeOfficers()).thenReturn(List.of(new FinanceOfficerEntry("fiona", "hackney")));
        when(directory.financeOfficerOf("fiona")).thenReturn(Optional.of("hackney"));
        when(directory.financeOfficerOf("tom")).thenReturn(Optional.empty());
    }

    @Test
    void listsTheCurrentFinanceOfficersAndOffersTheOthers() throws Exception {
        mvc.perform(get("/admin/finance-officers").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/finance-officers"))
                .andExpect(content().string(containsString("id=\"officer-fiona\"")))
                .andExpect(content().string(containsString("Director of finance")))
                .andExpect(content().string(containsString("action=\"/admin/finance-officers/fiona/end\"")))
                .andExpect(content().string(containsString("<option value=\"tom\">Tom Hughes, Head of IT</option>")))
                .andExpect(content().string(not(containsString("<option value=\"fiona\""))));
    }

    @Test
    void designatingSendsTheCommandForTheMembersOwnOrganisation() throws Exception {
        mvc.perform(post("/admin/finance-officers")
                        .param("memberId", "tom")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/finance-officers?done=designated"));
        verify(gateway).sendAndWait(new DesignateFinanceOfficer("tom", "camden", administrator, NOW));
    }

    @Test
    void noMemberChosenIsAnErrorAndNothingIsSent() throws Exception {
        mvc.perform(post("/admin/finance-officers").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(
                        content().string(containsString("<a href=\"#memberId\">Choose the member to designate</a>")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void someoneAlreadyAFinanceOfficerIsAnErrorAndNothingIsSent() throws Exception {
        mvc.perform(post("/admin/finance-officers")
                        .param("memberId", "fiona")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fiona Adeyemi is already a finance officer of hackney")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aDesignationTheAggregateRefusesIsShownAsAnError() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("Only an administrator can designate finance officers"));
        mvc.perform(post("/admin/finance-officers")
                        .param("memberId", "tom")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#memberId\"")))
                .andExpect(content().string(containsString("Only an administrator can designate finance officers")));
    }

    @Test
    void removingEndsTheDesignation() throws Exception {
        mvc.perform(post("/admin/finance-officers/fiona/end")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/finance-officers?done=ended"));
        verify(gateway).sendAndWait(EndFinanceOfficerDesignation.of("fiona", administrator, NOW));
    }

    @Test
    void anEndingTheAggregateRefusesIsShownAsAnError() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("Only an administrator can designate finance officers"));
        mvc.perform(post("/admin/finance-officers/fiona/end")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#officers\"")))
                .andExpect(content().string(containsString("Only an administrator can designate finance officers")));
    }

    /** Camden's organisation administrator. */
    private static final org.collaborative.app.account.WorkspaceUser CAMDEN_ADMIN =
            org.collaborative.app.account.SignedIn.as("olu", "camden", MemberRole.ORGANISATION_ADMINISTRATOR);

    @Test
    void anOrganisationAdministratorIsShownOnlyTheirOwnOrganisationsPeopleAndOfficers() throws Exception {
        when(accounts.directory("camden")).thenReturn(List.of(TOM));
        mvc.perform(get("/admin/finance-officers").with(as(CAMDEN_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"organisation-only\"")))
                .andExpect(content().string(containsString("<option value=\"tom\">Tom Hughes, Head of IT</option>")))
                .andExpect(content().string(not(containsString("id=\"officer-fiona\""))))
                .andExpect(content().string(containsString("id=\"no-officers\"")));
        verify(accounts, never()).directory(null);
    }

    @Test
    void anOrganisationAdministratorDesignatesForTheirOrganisationAndTheRefusalOfAnotherIsAnErrorThatKeepsTheChoice()
            throws Exception {
        when(accounts.directory("camden")).thenReturn(List.of(TOM));
        Actor olu = new Actor("olu", "camden", MemberRole.ORGANISATION_ADMINISTRATOR);
        mvc.perform(post("/admin/finance-officers")
                        .param("memberId", "tom")
                        .with(as(CAMDEN_ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/finance-officers?done=designated"));
        verify(gateway).sendAndWait(new DesignateFinanceOfficer("tom", "camden", olu, NOW));

        when(accounts.find("hana"))
                .thenReturn(Optional.of(new Accounts.Account(
                        "hana",
                        "hana@hackney.example",
                        "Hana Ito",
                        "Analyst",
                        "hackney",
                        MemberRole.SERVICE_LEADER,
                        null)));
        when(directory.financeOfficerOf("hana")).thenReturn(Optional.empty());
        when(gateway.sendAndWait(new DesignateFinanceOfficer("hana", "hackney", olu, NOW)))
                .thenThrow(new RuleBrokenException(
                        "You can designate finance officers only among the people of your own organisation"));
        mvc.perform(post("/admin/finance-officers")
                        .param("memberId", "hana")
                        .with(as(CAMDEN_ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content()
                        .string(containsString(
                                "You can designate finance officers only among the people of your own organisation")));
    }
}
