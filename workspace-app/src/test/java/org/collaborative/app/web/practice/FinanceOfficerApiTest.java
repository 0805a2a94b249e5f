package org.collaborative.app.web.practice;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.practice.DesignateFinanceOfficer;
import org.collaborative.app.practice.EndFinanceOfficerDesignation;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Finance officers as JSON: the exact commands for the member's own organisation, and the problems. */
@ControllerSlice(FinanceOfficerApi.class)
class FinanceOfficerApiTest {

    private static final Accounts.Account FIONA = new Accounts.Account(
            "fiona",
            "fiona@hackney.example",
            "Fiona Adeyemi",
            "Director of finance",
            "hackney",
            MemberRole.SERVICE_LEADER,
            null);

    private final Actor administrator =
            new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role());

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void fionaHasAnAccount() {
        when(accounts.find("fiona")).thenReturn(Optional.of(FIONA));
        when(accounts.find("nobody")).thenReturn(Optional.empty());
    }

    @Test
    void designatingSendsTheCommandForTheMembersOwnOrganisation() throws Exception {
        mvc.perform(put("/api/finance-officers/fiona").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value("fiona"))
                .andExpect(jsonPath("$.organisationId").value("hackney"));
        verify(gateway).sendAndWait(new DesignateFinanceOfficer("fiona", "hackney", administrator, NOW));
    }

    @Test
    void endingSendsTheCommand() throws Exception {
        mvc.perform(delete("/api/finance-officers/fiona")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").value("hackney"));
        verify(gateway).sendAndWait(EndFinanceOfficerDesignation.of("fiona", administrator, NOW));
    }

    @Test
    void anUnknownMemberIsANotFoundProblemAndNothingIsSent() throws Exception {
        mvc.perform(put("/api/finance-officers/nobody").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aDesignationTheAggregateRefusesIsA422Problem() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("Only an administrator can designate finance officers"));
        mvc.perform(put("/api/finance-officers/fiona").with(as(Slices.MEMBER)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail").value("Only an administrator can designate finance officers"));
    }
}
