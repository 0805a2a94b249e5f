package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.onboarding.OrganisationDirectory;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.organisation.EmailDomainDirectory.EmailDomain;
import org.collaborative.app.organisation.SetOrganisationEmailDomains;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.organisation.RegistrationApproval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** An organisation's email domains as JSON: read, set with the exact command, and refused with problem details. */
@ControllerSlice(EmailDomainsApi.class)
class EmailDomainsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    EmailDomainDirectory directory;

    @Autowired
    OrganisationDirectory organisations;

    @BeforeEach
    void camdenHasOneDomain() {
        when(organisations.exists("camden")).thenReturn(true);
        when(directory.all())
                .thenReturn(List.of(
                        new EmailDomain("camden.gov.uk", "camden", RegistrationApproval.AT_ONCE),
                        new EmailDomain("hackney.gov.uk", "hackney", RegistrationApproval.AT_ONCE)));
    }

    @Test
    void readsOnlyTheOrganisationsOwnDomainsAndApproval() throws Exception {
        mvc.perform(get("/api/organisations/camden/email-domains").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.domains.length()").value(1))
                .andExpect(jsonPath("$.domains[0]").value("camden.gov.uk"))
                .andExpect(jsonPath("$.approval").value("AT_ONCE"));
    }

    @Test
    void settingSendsTheWholeListAndApproval() throws Exception {
        mvc.perform(put("/api/organisations/camden/email-domains")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"domains\":[\"camden.gov.uk\",\"camden.nhs.uk\"],"
                                + "\"approval\":\"BY_ORGANISATION_ADMINISTRATOR\"}")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk());
        verify(gateway)
                .sendAndWait(new SetOrganisationEmailDomains(
                        "camden",
                        List.of("camden.gov.uk", "camden.nhs.uk"),
                        RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR,
                        new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role()),
                        NOW));
    }

    @Test
    void aDomainTheAggregateRefusesIsAnInvalidInputProblemNamingTheField() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new InvalidInputException("domains", "hackney.gov.uk is already hackney's domain"));
        mvc.perform(put("/api/organisations/camden/email-domains")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"domains\":[\"hackney.gov.uk\"],\"approval\":\"AT_ONCE\"}")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("domains"))
                .andExpect(jsonPath("$.detail").value("hackney.gov.uk is already hackney's domain"));
    }

    @Test
    void anUnknownOrganisationIsANotFoundProblemAndNothingIsSent() throws Exception {
        mvc.perform(put("/api/organisations/nowhere/email-domains")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"domains\":[],\"approval\":\"AT_ONCE\"}")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
        verifyNoInteractions(gateway);
    }

    @Test
    void someoneWhoIsNotAnAdministratorIsForbiddenAndNothingIsSent() throws Exception {
        mvc.perform(put("/api/organisations/camden/email-domains")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"domains\":[],\"approval\":\"AT_ONCE\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(gateway);
    }
}
