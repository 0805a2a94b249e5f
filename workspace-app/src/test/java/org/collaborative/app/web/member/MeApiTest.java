package org.collaborative.app.web.member;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The signed-in member's profile as JSON, with their organisation's name; a member without an account is 404. */
@ControllerSlice(MeApi.class)
class MeApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    OrganisationViews organisations;

    @Test
    void answersTheMembersDetailsAndOrganisation() throws Exception {
        when(accounts.find(MEMBER.memberId()))
                .thenReturn(Optional.of(new Accounts.Account(
                        MEMBER.memberId(),
                        "mo@camden.example",
                        "Mo Member",
                        "Head of housing",
                        "camden",
                        MemberRole.SERVICE_LEADER,
                        null)));
        when(organisations.byId(Set.of("camden")))
                .thenReturn(Map.of(
                        "camden",
                        new OrganisationCard(
                                "camden",
                                "London Borough of Camden",
                                "LOCAL_AUTHORITY",
                                null,
                                null,
                                null,
                                null,
                                Map.of(),
                                1L)));
        mvc.perform(get("/api/me").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(MEMBER.memberId()))
                .andExpect(jsonPath("$.displayName").value("Mo Member"))
                .andExpect(jsonPath("$.email").value("mo@camden.example"))
                .andExpect(jsonPath("$.organisation.name").value("London Borough of Camden"))
                .andExpect(jsonPath("$.role").value("SERVICE_LEADER"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
    }

    @Test
    void aMemberWhoseAccountHasGoneIsANotFoundProblem() throws Exception {
        when(accounts.find(MEMBER.memberId())).thenReturn(Optional.empty());
        mvc.perform(get("/api/me").with(as(MEMBER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
    }
}
