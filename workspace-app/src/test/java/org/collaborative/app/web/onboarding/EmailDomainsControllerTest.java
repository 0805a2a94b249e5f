package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.organisation.SetOrganisationEmailDomains;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.organisation.RegistrationApproval;
import org.collaborative.views.organisation.OrganisationCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators set organisations' email domains (docs/adr/0025). */
@ControllerSlice(EmailDomainsController.class)
class EmailDomainsControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    OrganisationViews organisations;

    @Autowired
    EmailDomainDirectory directory;

    private final Actor admin = new Actor("admin-1", "camden", MemberRole.ADMINISTRATOR);

    @BeforeEach
    void camden() {
        OrganisationCard camden = new OrganisationCard(
                "E09000007", "Camden", "LOCAL_AUTHORITY", "E09000007", "inner", 2, 5, Map.of(), 1L);
        when(organisations.byId(List.of("E09000007"))).thenReturn(Map.of("E09000007", camden));
        when(organisations.all()).thenReturn(List.of(camden));
        when(directory.all())
                .thenReturn(List.of(new EmailDomainDirectory.EmailDomain(
                        "camden.example", "E09000007", RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR)));
    }

    @Test
    void listsEveryOrganisationsDomains() throws Exception {
        mvc.perform(get("/admin/email-domains").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Camden"),
                                containsString("camden.example"),
                                containsString("Approved by its administrator"),
                                containsString("/admin/email-domains/E09000007"))));
    }

    @Test
    void theFormShowsTheCurrentDomainsAndSendsTheCommand() throws Exception {
        mvc.perform(get("/admin/email-domains/E09000007").with(as(ADMINISTRATOR)))
                .andExpect(content()
                        .string(allOf(
                                containsString("Email domains of"),
                                containsString(">camden.example</textarea>"),
                                containsString("value=\"BY_ORGANISATION_ADMINISTRATOR\" checked"))));
        mvc.perform(post("/admin/email-domains/E09000007")
                        .param("domains", "camden.gov.uk\r\ncamden.example")
                        .param("approval", "AT_ONCE")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/email-domains?saved=E09000007"));
        verify(gateway)
                .sendAndWait(new SetOrganisationEmailDomains(
                        "E09000007",
                        List.of("camden.gov.uk", "camden.example"),
                        RegistrationApproval.AT_ONCE,
                        admin,
                        Slices.NOW));
    }

    @Test
    void aRefusedDomainComesBackInTheErrorSummaryWithWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new InvalidInputException(
                        "domains", "hackney.example is already the email domain of another organisation"));
        mvc.perform(post("/admin/email-domains/E09000007")
                        .param("domains", "camden.example\nhackney.example")
                        .param("approval", "AT_ONCE")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: Email domains of Camden"),
                                containsString("href=\"#domains\""),
                                containsString("hackney.example is already the email domain of another organisation"),
                                containsString(">camden.example\nhackney.example</textarea>"),
                                containsString("value=\"AT_ONCE\" checked"))));
    }

    @Test
    void theApprovalMustBeChosen() throws Exception {
        mvc.perform(post("/admin/email-domains/E09000007")
                        .param("domains", "camden.example")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"#approval\""),
                                containsString("Choose how people who register themselves are approved"))));
        verify(gateway, never()).sendAndWait(any());
    }
}
