package org.collaborative.app.web.onboarding;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.Member.RegistrationNotPendingException;
import org.collaborative.app.onboarding.Registrations;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Registrations waiting for approval (docs/adr/0025). */
@ControllerSlice(RegistrationAdminController.class)
class RegistrationAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Registrations registrations;

    private final Actor admin = new Actor("admin-1", "camden", MemberRole.ADMINISTRATOR);
    private final Accounts.Invitee grace = new Accounts.Invitee(
            "m-9",
            "grace.adeyemi@camden.example",
            "Grace Adeyemi",
            "Housing officer",
            "camden",
            MemberRole.SERVICE_LEADER,
            Instant.parse("2026-11-02T09:00:00Z"));

    @BeforeEach
    void waiting() {
        when(registrations.pending(admin)).thenReturn(List.of(grace));
    }

    @Test
    void listsWhoIsWaiting() throws Exception {
        mvc.perform(get("/admin/registrations").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Registrations waiting for approval"),
                                containsString("Grace Adeyemi"),
                                containsString("grace.adeyemi@camden.example"),
                                containsString("/admin/registrations/m-9/approve"),
                                containsString("/admin/registrations/m-9/decline"))));
    }

    @Test
    void approving() throws Exception {
        mvc.perform(post("/admin/registrations/m-9/approve")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/registrations?approved"));
        verify(registrations).approve(admin, "m-9");
    }

    @Test
    void aRefusedApprovalIsAnErrorSummary() throws Exception {
        doThrow(new RegistrationNotPendingException()).when(registrations).approve(any(), eq("m-9"));
        mvc.perform(post("/admin/registrations/m-9/approve")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("it has already been approved or declined"))));
    }

    @Test
    void decliningAsksForAReasonAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(get("/admin/registrations/m-9/decline").with(as(ADMINISTRATOR)))
                .andExpect(content()
                        .string(allOf(containsString("Decline the registration of"), containsString("Grace Adeyemi"))));
        doThrow(new InvalidInputException("reason", "The reason must be 500 characters or fewer"))
                .when(registrations)
                .decline(admin, "m-9", "too long");
        mvc.perform(post("/admin/registrations/m-9/decline")
                        .param("reason", "too long")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: Decline a registration"),
                                containsString("href=\"#reason\""),
                                containsString("The reason must be 500 characters or fewer"),
                                containsString(">too long</textarea>"))));
        mvc.perform(post("/admin/registrations/m-9/decline")
                        .param("reason", "Not at Camden")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/registrations?declined"));
        verify(registrations).decline(admin, "m-9", "Not at Camden");
    }

    @Test
    void someoneNotWaitingIsNotFound() throws Exception {
        mvc.perform(get("/admin/registrations/m-1/decline").with(as(ADMINISTRATOR)))
                .andExpect(status().isNotFound());
    }
}
