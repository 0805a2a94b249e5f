package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ImportController.class)
class ImportControllerTest {

    private static final String CSV = "name,email,organisation,role,job title\r\n"
            + "Grace Adeyemi,grace@camden.example,Camden,Service leader,Head of housing\r\n"
            + "Tom Hughes,tom.hughes@camden.example,Camden,Councillor,\r\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Invitations invitations;

    @BeforeEach
    void camdenAndTomsAccount() {
        when(context.getBean(OrganisationViews.class).all())
                .thenReturn(List.of(new OrganisationCard(
                        "E09000007", "Camden", "LOCAL_AUTHORITY", null, null, null, null, null, null)));
        Accounts accounts = context.getBean(Accounts.class);
        when(accounts.findByEmail(any())).thenReturn(Optional.empty());
        when(accounts.findByEmail("tom.hughes@camden.example"))
                .thenReturn(Optional.of(new Accounts.Account(
                        "tom",
                        "tom.hughes@camden.example",
                        "Tom Hughes",
                        "",
                        "E09000007",
                        MemberRole.COUNCILLOR,
                        null)));
    }

    @Test
    void anUploadShowsEachRowsOutcomeAndCreatesNothing() throws Exception {
        mvc.perform(multipart("/admin/invitations/import")
                        .file(new MockMultipartFile(
                                "file", "people.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("1 to invite"),
                                containsString("1 already have an account"),
                                containsString("Already has an account"),
                                containsString("Send 1 invitation<"),
                                not(containsString("There is a problem")))));
        verifyNoInteractions(invitations);
    }

    @Test
    void aRowWithAProblemIsInTheErrorSummaryAndNothingCanBeSent() throws Exception {
        String bad = CSV + ",nobody,Narnia,Wizard,\r\n";
        mvc.perform(multipart("/admin/invitations/import")
                        .file(new MockMultipartFile(
                                "file", "people.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("href=\"#row-4\""),
                                containsString("Row 4: Enter a name"),
                                not(containsString("/admin/invitations/import/send")))));
    }

    @Test
    void sendingInvitesTheRowsToInviteOnly() throws Exception {
        mvc.perform(post("/admin/invitations/import/send")
                        .param("csv", CSV)
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/invitations?imported=1"));
        verify(invitations, times(1))
                .invite(
                        new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role()),
                        new Invitations.Invite(
                                "Grace Adeyemi",
                                "grace@camden.example",
                                "E09000007",
                                MemberRole.SERVICE_LEADER,
                                "Head of housing"));
    }

    @Test
    void noFileAsksForOne() throws Exception {
        mvc.perform(multipart("/admin/invitations/import")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(content()
                        .string(allOf(containsString("There is a problem"), containsString("Choose a CSV file"))));
    }
}
